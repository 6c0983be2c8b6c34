package dev.parity.core.dialect;

import java.util.List;
import java.util.Optional;

import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import dev.parity.core.canonical.ColumnRule;

/** PostgreSQL 13 and newer. */
final class PostgresComparisonDialect implements ComparisonDialect {

	@Override
	public String name() {
		return "postgresql";
	}

	@Override
	public SQLDialect sqlDialect() {
		return SQLDialect.POSTGRES;
	}

	@Override
	public Optional<String> readOnlySessionSql() {
		// Applies to autocommit statements too, unlike the driver's setReadOnly (transaction mode).
		return Optional.of("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
	}

	@Override
	public String sessionInitSql(boolean readOnly) {
		// pgjdbc sets the session's TimeZone to the JVM's zone at connect; this overrides it.
		return (readOnly ? readOnlySessionSql().orElseThrow() + "; " : "") + "SET TIME ZONE 'UTC'";
	}

	@Override
	public String quartzDelegate() {
		return "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate";
	}

	@Override
	public long estimatedRows(org.jooq.DSLContext dsl, org.jooq.Table<?> table) {
		// The planner's estimate (-1 or 0 before the first ANALYZE: none)
		String qualified = dsl.render(table);
		Long estimate = dsl.select(DSL.field("CAST(reltuples AS BIGINT)", Long.class))
			.from(DSL.table(DSL.name("pg_catalog", "pg_class")))
			.where(DSL.field("oid").eq(DSL.field("to_regclass({0})", Object.class, DSL.val(qualified))))
			.fetchOne(0, Long.class);
		return estimate != null && estimate > 0 ? estimate : -1;
	}

	@Override
	public java.util.Map<String, String> streamingReadProperties() {
		// server-prepared from the first execution, and with it binary transfer of the values
		return java.util.Map.of("prepareThreshold", "-1");
	}

	/**
	 * pgjdbc, in whole seconds (0: none): {@code connectTimeout} (the TCP connect), {@code loginTimeout}
	 * (the whole login, which a silent network would otherwise block) and {@code socketTimeout}.
	 */
	@Override
	public java.util.Map<String, String> timeoutProperties(java.time.Duration connect, java.time.Duration socket) {
		return java.util.Map.of("connectTimeout", seconds(connect), "loginTimeout", seconds(connect), "socketTimeout",
				seconds(socket));
	}

	private static String seconds(java.time.Duration duration) {
		// rounded up: a bound below one second must not become 0, which pgjdbc reads as none
		return String.valueOf(duration.isZero() ? 0 : Math.max(1, (duration.toMillis() + 999) / 1000));
	}

	@Override
	public java.util.Map<String, String> batchWriteProperties() {
		return java.util.Map.of("reWriteBatchedInserts", "true");
	}

	@Override
	public Optional<String> controlVendor() {
		return Optional.of("postgresql");
	}

	@Override
	public Field<?> binaryText(Field<?> value) {
		return DSL.field("(CAST({0} AS VARCHAR) COLLATE \"C\")", Object.class, value);
	}

	private static final CanonicalSql.DecimalFunctions DECIMALS = new CanonicalSql.DecimalFunctions() {

		@Override
		public String exact() {
			return "CAST({0} AS numeric)";
		}

		@Override
		public String pow10() {
			return "power(10::numeric, {0})";
		}

		@Override
		public String floorLog10() {
			return "CAST(floor(log(CAST({0} AS float8))) AS integer)";
		}

		@Override
		public String round() {
			return "round({0}, {1})";
		}

		@Override
		public String truncate() {
			return "trunc({0}, {1})";
		}

		@Override
		public Field<String> plain(Field<?> decimal) {
			return DSL.field("CAST(trim_scale({0}) AS varchar)", SQLDataType.VARCHAR, decimal);
		}

	};

	@Override
	public Optional<Field<String>> canonicalText(Field<?> value, ColumnRule rule) {
		DataType<?> type = CanonicalSql.sqlType(value.getDataType());
		if (!CanonicalSql.supported(value.getDataType(), rule)) {
			return Optional.empty();
		}
		return switch (rule.kind()) {
			case BOOLEAN, INTEGER -> type.isBoolean() ? CanonicalSql.text("CASE WHEN {0} THEN '1' ELSE '0' END", value)
					: CanonicalSql.unknown(type) ? Optional.of(DECIMALS.plain(DSL.field("CAST({0} AS numeric)", SQLDataType.NUMERIC, value)))
					: CanonicalSql.text("CAST({0} AS varchar)", value);
			case DECIMAL -> Optional.of(DECIMALS.plain(DSL.field("CAST({0} AS numeric)", SQLDataType.NUMERIC, value)));
			case FLOAT -> Optional.of(CanonicalSql.roundedFloat(value, DSL.field(
					type.getType() == Float.class ? "CAST({0} AS varchar)" : "CAST(CAST({0} AS float8) AS varchar)",
					SQLDataType.VARCHAR, value), rule.digits(), DECIMALS));
			case STRING -> CanonicalSql.text("CAST({0} AS varchar)", value);
			case CHAR -> CanonicalSql.text("rtrim(CAST({0} AS varchar), ' ')", value);
			case UUID -> CanonicalSql.text("lower(rtrim(CAST({0} AS varchar), ' '))", value);
			case DATE -> CanonicalSql.text("to_char({0}, 'YYYY-MM-DD')", value);
			case TIME -> CanonicalSql.text("to_char({0}, 'HH24:MI:SS')" + fraction(rule.digits()), value);
			case TIMESTAMP -> CanonicalSql.text("to_char({0}, 'YYYY-MM-DD HH24:MI:SS')" + fraction(rule.digits()),
					DSL.field("CAST({0} AS timestamp)", SQLDataType.LOCALDATETIME, value));
			case TIMESTAMP_TZ -> CanonicalSql.text("to_char({0}, 'YYYY-MM-DD HH24:MI:SS')" + fraction(rule.digits()) + " || 'Z'",
					DSL.field("({0} AT TIME ZONE 'UTC')", SQLDataType.LOCALDATETIME, value));
			case BINARY -> CanonicalSql.text("encode({0}, 'hex')", value);
			default -> Optional.empty();
		};
	}

	// Microseconds, truncated to the compared digits (zeros beyond PostgreSQL's six).
	private static String fraction(int digits) {
		if (digits <= 0) {
			return "";
		}
		String micros = "substr(to_char({0}, 'US'), 1, " + Math.min(6, digits) + ")";
		return " || '.' || " + (digits > 6 ? "rpad(" + micros + ", " + digits + ", '0')" : micros);
	}

	@Override
	public Field<Integer> utf8Length(Field<String> text) {
		return DSL.field("octet_length({0})", SQLDataType.INTEGER, text);
	}

	@Override
	public Field<String> concat(List<Field<String>> parts) {
		return CanonicalSql.pipes(parts);
	}

	@Override
	public Field<Long> rowHash(Field<String> text) {
		return DSL.field("CAST(CAST('x' || substr(md5({0}), 1, 15) AS bit(60)) AS bigint)", SQLDataType.BIGINT, text);
	}

}
