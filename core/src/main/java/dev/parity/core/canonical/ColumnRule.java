package dev.parity.core.canonical;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;

import org.jooq.DataType;

/**
 * How one compared column pair is canonicalised and compared: the joined {@link ColumnKind} of the
 * two column types, the digits compared (the coarser side wins) and the column's
 * {@link CompareOptions}. Both sides of a pair use the same rule, so equal data gives equal text.
 *
 * <p>Example: MariaDB {@code DATETIME(0)} against PostgreSQL {@code TIMESTAMP(6)} compares at 0
 * fractional digits: {@code 2026-11-23 10:00:00.000000} and {@code 2026-11-23 10:00:00} are equal.
 */
public record ColumnRule(ColumnKind kind, int digits, CompareOptions options) {

	public ColumnRule {
		options = options == null ? CompareOptions.DEFAULTS : options;
	}

	/** The rule for a source column type against a target column type. */
	public static ColumnRule of(DataType<?> source, DataType<?> target, CompareOptions options) {
		CompareOptions o = options == null ? CompareOptions.DEFAULTS : options;
		ColumnKind kind = ColumnKind.join(ColumnKind.of(source), ColumnKind.of(target));
		int digits = switch (kind) {
			case FLOAT -> o.floatDigits() != null ? o.floatDigits()
					: (single(source) || single(target)) ? 6 : 15;
			case TIME, TIMESTAMP, TIMESTAMP_TZ -> o.timestampPrecision() != null ? o.timestampPrecision()
					: Math.min(fractionalDigits(source), fractionalDigits(target));
			default -> 0;
		};
		return new ColumnRule(kind, digits, o);
	}

	/** The rule for a key column: exact text, full precision, no options. */
	public static ColumnRule key(DataType<?> source, DataType<?> target) {
		ColumnKind kind = ColumnKind.join(ColumnKind.of(source), ColumnKind.of(target));
		return new ColumnRule(kind == ColumnKind.FLOAT ? ColumnKind.DECIMAL : kind, 9, CompareOptions.DEFAULTS);
	}

	/** Canonical text of {@code value}; {@code null} for SQL NULL. */
	public String canonical(Object value) {
		if (value == null) {
			return null;
		}
		String text = switch (kind) {
			case BOOLEAN, INTEGER -> Canonical.integer(value);
			case DECIMAL -> Canonical.decimal(value);
			case FLOAT -> Canonical.floating(value, digits);
			case CHAR -> Canonical.unpadded(value);
			case DATE -> Canonical.date(value);
			case TIME -> Canonical.time(value, digits);
			case TIMESTAMP -> Canonical.timestamp(value, digits);
			case TIMESTAMP_TZ -> Canonical.instant(value, digits);
			case UUID -> Canonical.uuid(value);
			case BINARY -> Canonical.binary(value);
			case STRING, OTHER -> Canonical.text(value);
		};
		if (kind == ColumnKind.STRING || kind == ColumnKind.CHAR || kind == ColumnKind.OTHER) {
			if (options.nfc()) {
				text = Normalizer.normalize(text, Normalizer.Form.NFC);
			}
			if (options.trim()) {
				text = text.strip();
			}
			if (options.ignoreCase()) {
				text = text.toLowerCase(Locale.ROOT);
			}
		}
		return text;
	}

	/** Whether two canonical texts are equal under this rule (numeric tolerance applies). */
	public boolean matches(String source, String target) {
		if (source == null || target == null) {
			return source == target;
		}
		if (source.equals(target)) {
			return true;
		}
		BigDecimal tolerance = options.tolerance();
		if (tolerance != null && kind.isNumeric() && !source.contains("N") && !target.contains("N")) {
			try {
				return new BigDecimal(source).subtract(new BigDecimal(target)).abs().compareTo(tolerance) <= 0;
			}
			catch (NumberFormatException ex) {
				return false;
			}
		}
		return false;
	}

	private static boolean single(DataType<?> type) {
		return type.getType() == Float.class;
	}

	/** Fractional second digits of a temporal column; 6 when the catalog does not say. */
	static int fractionalDigits(DataType<?> type) {
		if (type.isDate() && !type.isTimestamp()) {
			return 0;
		}
		if (type.precisionDefined()) {
			return type.precision();
		}
		return 6;
	}

}
