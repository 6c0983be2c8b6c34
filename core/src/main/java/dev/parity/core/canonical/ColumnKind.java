package dev.parity.core.canonical;

import org.jooq.DataType;

/**
 * The comparison family of a column type. Two columns compared with each other are canonicalised by
 * the {@link #join join} of their kinds, so that e.g. MariaDB {@code TINYINT(1)} and PostgreSQL
 * {@code BOOLEAN} both become {@code 0}/{@code 1}, and {@code CHAR(n)} against {@code VARCHAR}
 * ignores padding.
 */
public enum ColumnKind {

	BOOLEAN, INTEGER, DECIMAL, FLOAT, STRING, CHAR, DATE, TIME, TIMESTAMP, TIMESTAMP_TZ, UUID, BINARY, OTHER;

	/** The kind of a jOOQ data type (as read from the live catalog). */
	public static ColumnKind of(DataType<?> dataType) {
		if (JavaTimeTypes.utcWallClock(dataType)) {
			return TIMESTAMP_TZ;
		}
		DataType<?> sql = dataType.getSQLDataType() == null ? dataType : dataType.getSQLDataType();
		if (sql.isBoolean()) {
			return BOOLEAN;
		}
		if (sql.isInteger()) {
			return INTEGER;
		}
		if (sql.isFloat()) {
			return FLOAT;
		}
		if (sql.isNumeric()) {
			return DECIMAL;
		}
		if (sql.getType() == java.util.UUID.class) {
			return UUID;
		}
		if (sql.getTypeName().equalsIgnoreCase("char") || sql.getTypeName().equalsIgnoreCase("nchar")) {
			return CHAR;
		}
		if (sql.isString() || sql.isJSON()) {
			return STRING;
		}
		if (sql.isBinary()) {
			return BINARY;
		}
		Class<?> type = sql.getType();
		if (type == java.time.OffsetDateTime.class || type == java.time.Instant.class
				|| type == java.time.ZonedDateTime.class) {
			return TIMESTAMP_TZ;
		}
		if (type == java.sql.Timestamp.class || type == java.time.LocalDateTime.class) {
			return TIMESTAMP;
		}
		if (type == java.sql.Date.class || type == java.time.LocalDate.class) {
			return DATE;
		}
		if (type == java.sql.Time.class || type == java.time.LocalTime.class || type == java.time.OffsetTime.class) {
			return TIME;
		}
		return OTHER;
	}

	/** The kind two compared columns share; symmetric. */
	public static ColumnKind join(ColumnKind a, ColumnKind b) {
		if (a == b) {
			return a;
		}
		if (a == OTHER || b == OTHER) {
			return a == OTHER ? b : a;
		}
		if (either(a, b, FLOAT) && numeric(a) && numeric(b)) {
			return FLOAT;
		}
		if (either(a, b, DECIMAL) && numeric(a) && numeric(b)) {
			return DECIMAL;
		}
		if (numeric(a) && numeric(b)) {
			return INTEGER; // BOOLEAN with INTEGER: flags as 0/1
		}
		if (either(a, b, UUID) && text(a) && text(b)) {
			return UUID; // a native UUID against text holding one: lower case, either case stored
		}
		if (either(a, b, CHAR) && text(a) && text(b)) {
			return CHAR;
		}
		if (temporal(a) && temporal(b)) {
			return either(a, b, TIMESTAMP_TZ) ? TIMESTAMP_TZ : either(a, b, TIMESTAMP) ? TIMESTAMP : a;
		}
		return STRING;
	}

	boolean isNumeric() {
		return numeric(this);
	}

	private static boolean numeric(ColumnKind kind) {
		return kind == BOOLEAN || kind == INTEGER || kind == DECIMAL || kind == FLOAT;
	}

	private static boolean text(ColumnKind kind) {
		return kind == STRING || kind == CHAR || kind == UUID;
	}

	private static boolean temporal(ColumnKind kind) {
		return kind == DATE || kind == TIMESTAMP || kind == TIMESTAMP_TZ;
	}

	private static boolean either(ColumnKind a, ColumnKind b, ColumnKind kind) {
		return a == kind || b == kind;
	}

}
