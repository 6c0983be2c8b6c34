package dev.parity.core.dialect;

import java.util.Optional;

import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import dev.parity.core.canonical.ColumnKind;
import dev.parity.core.canonical.ColumnRule;

/**
 * What the engines' canonical SQL shares: which column types and options have an SQL form at all, and
 * the number formatting that only differs by function names. Package-private: vendor SQL stays in
 * this package.
 */
final class CanonicalSql {

	private CanonicalSql() {
	}

	/**
	 * Whether a column of {@code type} can be canonicalised in SQL under {@code rule} at all: text
	 * options (trim, ignore-case, NFC) follow Java's Unicode rules, which no engine's functions match
	 * exactly, and a numeric tolerance cannot be hashed; both are left to Parity.
	 */
	static boolean supported(DataType<?> type, ColumnRule rule) {
		if (rule.options().trim() || rule.options().ignoreCase() || rule.options().nfc()
				|| rule.options().tolerance() != null) {
			return false;
		}
		DataType<?> sql = sqlType(type);
		// A source expression's type is unknown to the catalog: numbers are cast, text is taken as text.
		boolean unknown = unknown(type);
		return switch (rule.kind()) {
			case BOOLEAN, INTEGER -> sql.isBoolean() || sql.isInteger() || unknown;
			case DECIMAL -> sql.isInteger() || (sql.isNumeric() && !sql.isFloat()) || unknown;
			case FLOAT -> sql.isNumeric() || unknown;
			case STRING, CHAR, UUID -> sql.isString() || sql.getType() == java.util.UUID.class || unknown;
			case DATE -> ColumnKind.of(type) == ColumnKind.DATE;
			case TIME -> ColumnKind.of(type) == ColumnKind.TIME && rule.digits() <= 9;
			case TIMESTAMP -> (ColumnKind.of(type) == ColumnKind.TIMESTAMP || ColumnKind.of(type) == ColumnKind.DATE)
					&& rule.digits() <= 9;
			case BINARY -> sql.isBinary();
			// An instant column, in the UTC session; a naive one compared with an instant needs its side's
			// time-zone, which Parity applies.
			case TIMESTAMP_TZ -> ColumnKind.of(type) == ColumnKind.TIMESTAMP_TZ && rule.digits() <= 9;
			// OTHER has no rule to follow.
			case OTHER -> false;
		};
	}

	/** Texts concatenated with the standard {@code ||} (PostgreSQL, H2). */
	static Field<String> pipes(java.util.List<Field<String>> parts) {
		return DSL.field("(" + placeholders(parts.size(), " || ") + ")", SQLDataType.VARCHAR, parts.toArray(new Field<?>[0]));
	}

	/** {@code {0}<sep>{1}<sep>…} for {@code n} template arguments. */
	static String placeholders(int n, String separator) {
		return java.util.stream.IntStream.range(0, n)
			.mapToObj((i) -> "{" + i + "}")
			.collect(java.util.stream.Collectors.joining(separator));
	}

	/** A type the catalog could not tell (a source expression). */
	static boolean unknown(DataType<?> type) {
		return sqlType(type).getType() == Object.class;
	}

	static DataType<?> sqlType(DataType<?> type) {
		return type.getSQLDataType() == null ? type : type.getSQLDataType();
	}

	static Optional<Field<String>> text(String template, Field<?> value) {
		return Optional.of(DSL.field(template, SQLDataType.VARCHAR, value));
	}

	/**
	 * Plain decimal text without trailing zeros, from the engine's own text of a decimal that always
	 * shows its scale ({@code 10.5000 → 10.5}, {@code 0.00 → 0}, {@code 100 → 100}).
	 */
	static Field<String> trimmedDecimal(Field<String> text) {
		return DSL.field("CASE WHEN POSITION('.' IN {0}) > 0 THEN TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM {0}))"
				+ " ELSE {0} END", SQLDataType.VARCHAR, text);
	}

	/**
	 * A float rounded half-even to {@code digits} significant digits, as {@link
	 * dev.parity.core.canonical.Canonical#floating} does: from the engine's shortest round-trip text
	 * (the same digits as Java's {@code Double.toString}), as an exact decimal {@code x}; {@code t} and
	 * {@code r} are {@code x} truncated and rounded half-up at the last kept digit, and a tie (exactly
	 * half-way: {@code 2x = t + r}) goes to the one with an even last digit. Magnitudes Java writes in
	 * scientific notation ({@code < 1e-6}, {@code >= 1e21}), NaN and infinities get a {@code ~} mark and
	 * the engine's own text: never equal to Java's text, so such rows always reach Parity's comparison.
	 *
	 * @param value the float value
	 * @param shortest its shortest round-trip text
	 * @param functions the engine's exact-decimal functions
	 */
	static Field<String> roundedFloat(Field<?> value, Field<String> shortest, int digits, DecimalFunctions functions) {
		Field<?> x = DSL.field(functions.exact(), SQLDataType.NUMERIC, shortest);
		Field<?> abs = DSL.field("ABS({0})", SQLDataType.NUMERIC, x);
		Field<?> estimate = DSL.field(functions.floorLog10(), SQLDataType.INTEGER, abs);
		// floor(log10) from a floating-point logarithm can be one off next to a power of ten: correct it exactly.
		Field<?> below = DSL.field(functions.pow10(), SQLDataType.NUMERIC, estimate);
		Field<?> above = DSL.field(functions.pow10(), SQLDataType.NUMERIC, DSL.field("({0} + 1)", SQLDataType.INTEGER, estimate));
		Field<?> exponent = DSL.field("({0} - CASE WHEN {1} < {2} THEN 1 ELSE 0 END + CASE WHEN {1} >= {3} THEN 1 ELSE 0 END)",
				SQLDataType.INTEGER, estimate, abs, below, above);
		Field<?> scale = DSL.field("(" + (digits - 1) + " - {0})", SQLDataType.INTEGER, exponent);
		Field<?> t = DSL.field(functions.truncate(), SQLDataType.NUMERIC, x, scale);
		Field<?> r = DSL.field(functions.round(), SQLDataType.NUMERIC, x, scale);
		Field<?> halfEven = DSL.field("CASE WHEN {2} <> {1} AND 2 * {0} = {1} + {2} AND MOD({1} / ({2} - {1}), 2) = 0"
				+ " THEN {1} ELSE {2} END", SQLDataType.NUMERIC, x, t, r);
		Field<String> marked = DSL.field("CONCAT('~', {0})", SQLDataType.VARCHAR, shortest);
		return DSL.field("CASE WHEN {0} = 0 THEN '0' WHEN NOT (ABS({0}) >= 1e-6 AND ABS({0}) < 1e21) THEN {1} ELSE {2} END",
				SQLDataType.VARCHAR, value, marked, functions.plain(halfEven));
	}

	/** The exact-decimal functions of an engine, as templates over {0} (and {1}). */
	interface DecimalFunctions {

		/** A text as an exact decimal. */
		String exact();

		/** 10 to the integer power {0}, exactly. */
		String pow10();

		/** floor(log10({0})) of a positive decimal, possibly one off. */
		String floorLog10();

		/** {0} rounded half away from zero at {1} decimals. */
		String round();

		/** {0} truncated at {1} decimals. */
		String truncate();

		/** Plain text of a decimal without trailing zeros. */
		Field<String> plain(Field<?> decimal);

	}

}
