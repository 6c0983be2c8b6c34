package dev.parity.core.dialect;

import java.util.List;
import java.util.Optional;

import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import dev.parity.core.canonical.ColumnRule;

/** MariaDB 10.6+ and MySQL 8 (the same SQL for what Parity needs; jOOQ renders each). */
final class MariaDbComparisonDialect implements ComparisonDialect {

	private final SQLDialect sqlDialect;

	MariaDbComparisonDialect(SQLDialect sqlDialect) {
		this.sqlDialect = sqlDialect;
	}

	@Override
	public String name() {
		return sqlDialect == SQLDialect.MYSQL ? "mysql" : "mariadb";
	}

	@Override
	public SQLDialect sqlDialect() {
		return sqlDialect;
	}

	@Override
	public java.util.Map<String, String> streamingReadProperties() {
		// the binary protocol: numbers and dates are not formatted by the server and parsed by the driver
		return java.util.Map.of("useServerPrepStmts", "true");
	}

	/** MariaDB Connector/J: {@code connectTimeout} and {@code socketTimeout}, in milliseconds (0: none). */
	@Override
	public java.util.Map<String, String> timeoutProperties(java.time.Duration connect, java.time.Duration socket) {
		return java.util.Map.of("connectTimeout", String.valueOf(connect.toMillis()), "socketTimeout",
				String.valueOf(socket.toMillis()));
	}

	@Override
	public long estimatedRows(org.jooq.DSLContext dsl, org.jooq.Table<?> table) {
		// InnoDB's estimate: free, within a few per cent; none for a view or before statistics exist
		org.jooq.Field<String> schema = table.getSchema() == null || table.getSchema().getName().isEmpty()
				? DSL.field("DATABASE()", String.class) : DSL.inline(table.getSchema().getName());
		Long estimate = dsl.select(DSL.field(DSL.name("TABLE_ROWS"), Long.class))
			.from(DSL.table(DSL.name("information_schema", "TABLES")))
			.where(DSL.field(DSL.name("TABLE_SCHEMA"), String.class).eq(schema))
			.and(DSL.field(DSL.name("TABLE_NAME"), String.class).eq(DSL.inline(table.getName())))
			.fetchOne(0, Long.class);
		return estimate != null && estimate > 0 ? estimate : -1;
	}

	/**
	 * jOOQ's MARIADB dialect reads system-versioning columns of {@code information_schema} that
	 * MariaDB before 11 lacks; the MySQL catalog queries work on both.
	 */
	@Override
	public SQLDialect metaDialect() {
		return SQLDialect.MYSQL;
	}

	@Override
	public Optional<String> readOnlySessionSql() {
		return Optional.of("SET SESSION TRANSACTION READ ONLY");
	}

	@Override
	public String sessionInitSql(boolean readOnly) {
		// One statement (multi-statements are off by default): MySQL 8 names the read-only flag
		// transaction_read_only, MariaDB 10.6+ tx_read_only (an alias of it from 11.1).
		String flag = sqlDialect == SQLDialect.MYSQL ? "transaction_read_only" : "tx_read_only";
		return "SET " + (readOnly ? "SESSION " + flag + " = 1, " : "") + "SESSION time_zone = '+00:00'";
	}

	/** {@code TIMESTAMP} is stored as an instant and shown in the session's zone (UTC here). */
	@Override
	public boolean instantAsLocal(String dataType) {
		return "timestamp".equalsIgnoreCase(dataType);
	}

	/** The driver would shift an {@code OffsetDateTime} by the JVM's zone; the session is UTC. */
	@Override
	public Object jdbcValue(Object value) {
		return value instanceof java.time.OffsetDateTime o
				? o.withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime() : value;
	}

	@Override
	public Field<?> binaryText(Field<?> value) {
		return DSL.field("CAST(CONVERT({0} USING utf8mb4) AS BINARY)", Object.class, value);
	}

	private static final CanonicalSql.DecimalFunctions DECIMALS = new CanonicalSql.DecimalFunctions() {

		@Override
		public String exact() {
			return "CAST({0} AS DECIMAL(65,30))";
		}

		@Override
		public String pow10() {
			return "CAST(CONCAT('1e', {0}) AS DECIMAL(65,30))";
		}

		@Override
		public String floorLog10() {
			return "CAST(FLOOR(LOG10({0})) AS SIGNED)";
		}

		@Override
		public String round() {
			return "ROUND({0}, {1})";
		}

		// Not TRUNCATE(): the source guard refuses the word, whatever it means in a statement.
		@Override
		public String truncate() {
			return "(SIGN({0}) * FLOOR(ABS({0}) * CAST(CONCAT('1e', {1}) AS DECIMAL(65,30)))"
					+ " * CAST(CONCAT('1e', -({1})) AS DECIMAL(65,30)))";
		}

		@Override
		public Field<String> plain(Field<?> decimal) {
			return CanonicalSql.trimmedDecimal(DSL.field("CAST({0} AS CHAR)", SQLDataType.VARCHAR, decimal));
		}

	};

	@Override
	public Optional<Field<String>> canonicalText(Field<?> value, ColumnRule rule) {
		DataType<?> type = CanonicalSql.sqlType(value.getDataType());
		if (!CanonicalSql.supported(value.getDataType(), rule)) {
			return Optional.empty();
		}
		return switch (rule.kind()) {
			// TINYINT(1) is a flag: any non-zero value reads as true over JDBC, so as 1.
			case BOOLEAN, INTEGER, DECIMAL -> type.isBoolean()
					? CanonicalSql.text("CASE WHEN {0} <> 0 THEN '1' ELSE '0' END", value)
					: type.isInteger() ? CanonicalSql.text("CAST({0} AS CHAR)", value)
							: Optional.of(DECIMALS.plain(DSL.field(CanonicalSql.unknown(type) ? "CAST({0} AS DECIMAL(65,30))" : "{0}",
									SQLDataType.NUMERIC, value)));
			// MariaDB writes FLOAT (single precision) with six digits, not the shortest text Java starts from.
			case FLOAT -> single(value.getDataType()) ? Optional.empty()
					: Optional.of(CanonicalSql.roundedFloat(value, DSL.field("CAST(CAST({0} AS DOUBLE) AS CHAR)",
							SQLDataType.VARCHAR, value), rule.digits(), DECIMALS));
			case STRING -> CanonicalSql.text("CONVERT({0} USING utf8mb4)", value);
			case CHAR -> CanonicalSql.text("TRIM(TRAILING ' ' FROM CONVERT({0} USING utf8mb4))", value);
			case UUID -> CanonicalSql.text("LOWER(TRIM(TRAILING ' ' FROM CONVERT({0} USING utf8mb4)))", value);
			case DATE -> CanonicalSql.text("DATE_FORMAT({0}, '%Y-%m-%d')", value);
			case TIME -> CanonicalSql.text("CONCAT(TIME_FORMAT({0}, '%H:%i:%s')" + fraction("TIME_FORMAT", rule.digits()) + ")",
					value);
			case TIMESTAMP -> CanonicalSql.text(
					"CONCAT(DATE_FORMAT({0}, '%Y-%m-%d %H:%i:%s')" + fraction("DATE_FORMAT", rule.digits()) + ")", value);
			// TIMESTAMP in the UTC session: UTC wall-clock time
			case TIMESTAMP_TZ -> CanonicalSql.text(
					"CONCAT(DATE_FORMAT({0}, '%Y-%m-%d %H:%i:%s')" + fraction("DATE_FORMAT", rule.digits()) + ", 'Z')", value);
			case BINARY -> CanonicalSql.text("LOWER(HEX({0}))", value);
			default -> Optional.empty();
		};
	}

	// FLOAT is single precision on MariaDB/MySQL, though jOOQ's catalog reads it as its (double) FLOAT type.
	private static boolean single(DataType<?> type) {
		return type.getType() == Float.class || type.getTypeName().equalsIgnoreCase("float")
				|| CanonicalSql.sqlType(type).getType() == Float.class;
	}

	// Microseconds, truncated to the compared digits (zeros beyond MariaDB's six).
	private static String fraction(String format, int digits) {
		if (digits <= 0) {
			return "";
		}
		String micros = "SUBSTRING(" + format + "({0}, '%f'), 1, " + Math.min(6, digits) + ")";
		return ", '.', " + (digits > 6 ? "RPAD(" + micros + ", " + digits + ", '0')" : micros);
	}

	@Override
	public Field<Integer> utf8Length(Field<String> text) {
		return DSL.field("LENGTH(CONVERT({0} USING utf8mb4))", SQLDataType.INTEGER, text);
	}

	@Override
	public Field<String> concat(List<Field<String>> parts) {
		return DSL.field("CONCAT(" + CanonicalSql.placeholders(parts.size(), ", ") + ")", SQLDataType.VARCHAR,
				parts.toArray(new Field<?>[0]));
	}

	@Override
	public Field<Long> rowHash(Field<String> text) {
		return DSL.field("CAST(CONV(SUBSTRING(MD5(CONVERT({0} USING utf8mb4)), 1, 15), 16, 10) AS UNSIGNED)",
				SQLDataType.BIGINT, text);
	}

}
