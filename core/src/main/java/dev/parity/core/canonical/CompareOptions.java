package dev.parity.core.canonical;

import java.math.BigDecimal;

/**
 * Per-column compare options from a table's {@code compare:} section of {@code parity.yml}.
 *
 * @param trim strip leading and trailing white space of text before comparing (default false)
 * @param ignoreCase compare text case-insensitively (lower-cased, root locale; default false)
 * @param nfc normalise text to Unicode NFC, so composed and decomposed accents compare equal
 *     (default false: different code points are different data)
 * @param tolerance largest absolute difference at which two numbers are still equal (default none)
 * @param floatDigits significant digits compared for floating point columns (default: 6 when either
 *     side is single precision, else 15)
 * @param timestampPrecision fractional second digits compared for timestamps and times (default: the
 *     coarser of the two columns)
 */
public record CompareOptions(boolean trim, boolean ignoreCase, boolean nfc, BigDecimal tolerance, Integer floatDigits,
		Integer timestampPrecision) {

	public static final CompareOptions DEFAULTS = new CompareOptions(false, false, false, null, null, null);

}
