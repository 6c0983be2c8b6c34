package dev.parity.core.canonical;

import org.jooq.DataType;
import org.jooq.impl.SQLDataType;

/**
 * The comparison family of a column type. Two columns compared with each other are canonicalised by
 * the {@link #join join} of their kinds, so that e.g. MariaDB {@code TINYINT(1)} and PostgreSQL
 * {@code BOOLEAN} both become {@code 0}/{@code 1}, and {@code CHAR(n)} against {@code VARCHAR}
 * ignores padding.
 */
public enum ColumnKind {

	BOOLEAN, INTEGER, DECIMAL, FLOAT, STRING, CHAR, DATE, TIME, TIMESTAMP, TIMESTAMP_TZ, UUID, BINARY, OTHER;

	/** The kind of a jOOQ data type (as read from the live catalog). */
	public static ColumnKind of(DataType<?> type) {
		DataType<?> sql = type.getSQLDataType() == null ? type : type.getSQLDataType();
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
		if (sql.equals(SQLDataType.CHAR) || sql.equals(SQLDataType.NCHAR)) {
			return CHAR;
		}
		if (sql.isString() || sql.isJSON()) {
			return STRING;
		}
		if (sql.isBinary()) {
			return BINARY;
		}
		if (sql.isTimestamp()) {
			return sql.getType() == java.time.OffsetDateTime.class || sql.getType() == java.time.Instant.class
					? TIMESTAMP_TZ : TIMESTAMP;
		}
		if (sql.isDate()) {
			return DATE;
		}
		if (sql.isTime()) {
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
