package dev.parity.core.dialect;

import java.util.List;
import java.util.Optional;

import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import dev.parity.core.canonical.ColumnRule;

/** H2 2.x, the embedded default for the control database and the demo. */
final class H2ComparisonDialect implements ComparisonDialect {

	@Override
	public String name() {
		return "h2";
	}

	@Override
	public SQLDialect sqlDialect() {
		return SQLDialect.H2;
	}

	@Override
	public Optional<String> readOnlySessionSql() {
		return Optional.empty();
	}

	@Override
	public String sessionInitSql(boolean readOnly) {
		// read-only through the URL (below)
		return "SET TIME ZONE 'UTC'";
	}

	/** H2 has no read-only session; opening the database read-only is the engine-level layer. */
	@Override
	public String readOnlyUrl(String url) {
		return url.toUpperCase(java.util.Locale.ROOT).contains("ACCESS_MODE_DATA") ? url : url + ";ACCESS_MODE_DATA=r";
	}

	/**
	 * H2 writes committed changes to the file in the background, up to WRITE_DELAY (500 ms) after the
	 * commit returned: a process killed in that window loses them. With WRITE_DELAY=0 its MVStore writes
	 * the change to the file before the commit returns (one write per commit). In-memory databases
	 * have no file to write.
	 */
	@Override
	public String durableControlUrl(String url) {
		boolean memory = url.regionMatches(true, 0, "jdbc:h2:mem:", 0, "jdbc:h2:mem:".length());
		return memory || ComparisonDialect.urlSets(url, "WRITE_DELAY") ? url : url + ";WRITE_DELAY=0";
	}

	@Override
	public Optional<String> controlVendor() {
		return Optional.of("h2");
	}

	@Override
	public Field<?> binaryText(Field<?> value) {
		// H2 casts text to binary as UTF-8 and compares binary unsigned: code point order.
		return DSL.field("CAST(CAST({0} AS VARCHAR) AS VARBINARY)", Object.class, value);
	}

	/**
	 * As the other engines, except floats: H2 has no exact decimal power-of-ten function and writes
	 * doubles in its own notation, so a table with a float column is checksummed by Parity on H2.
	 */
	@Override
	public Optional<Field<String>> canonicalText(Field<?> value, ColumnRule rule) {
		DataType<?> type = CanonicalSql.sqlType(value.getDataType());
		if (!CanonicalSql.supported(value.getDataType(), rule)) {
			return Optional.empty();
		}
		return switch (rule.kind()) {
			case BOOLEAN, INTEGER, DECIMAL -> type.isBoolean() ? CanonicalSql.text("CASE WHEN {0} THEN '1' ELSE '0' END", value)
					: type.isInteger() ? CanonicalSql.text("CAST({0} AS VARCHAR)", value)
							: Optional.of(CanonicalSql.trimmedDecimal(DSL.field(CanonicalSql.unknown(type)
									? "CAST(CAST({0} AS DECIMAL(65,30)) AS VARCHAR)" : "CAST({0} AS VARCHAR)", SQLDataType.VARCHAR, value)));
			case STRING -> CanonicalSql.text("CAST({0} AS VARCHAR)", value);
			case CHAR -> CanonicalSql.text("TRIM(TRAILING ' ' FROM CAST({0} AS VARCHAR))", value);
			case UUID -> CanonicalSql.text("LOWER(RTRIM(CAST({0} AS VARCHAR), ' '))", value);
			case DATE -> CanonicalSql.text("FORMATDATETIME({0}, 'yyyy-MM-dd')", value);
			// java.time patterns truncate the fraction, as Parity does
			case TIME -> CanonicalSql.text("FORMATDATETIME({0}, 'HH:mm:ss" + fraction(rule.digits()) + "')", value);
			case TIMESTAMP -> CanonicalSql.text("FORMATDATETIME({0}, 'yyyy-MM-dd HH:mm:ss" + fraction(rule.digits()) + "')",
					value);
			case TIMESTAMP_TZ -> CanonicalSql.text("FORMATDATETIME({0}, 'yyyy-MM-dd HH:mm:ss" + fraction(rule.digits())
					+ "', 'en', 'UTC') || 'Z'", value);
			case BINARY -> CanonicalSql.text("LOWER(RAWTOHEX({0}))", value);
			default -> Optional.empty();
		};
	}

	private static String fraction(int digits) {
		return digits <= 0 ? "" : "." + "S".repeat(digits);
	}

	@Override
	public Field<Integer> utf8Length(Field<String> text) {
		// H2 casts text to binary as UTF-8.
		return DSL.field("OCTET_LENGTH(CAST({0} AS VARBINARY))", SQLDataType.INTEGER, text);
	}

	@Override
	public Field<String> concat(List<Field<String>> parts) {
		return CanonicalSql.pipes(parts);
	}

	@Override
	public Field<Long> rowHash(Field<String> text) {
		return DSL.field("URSHIFT(CAST(SUBSTRING(HASH('MD5', {0}), 1, 8) AS BIGINT), 4)", SQLDataType.BIGINT, text);
	}

}
