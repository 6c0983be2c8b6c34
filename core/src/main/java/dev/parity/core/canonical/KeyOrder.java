package dev.parity.core.canonical;

import java.util.Comparator;
import java.util.List;

/**
 * The one order in which both sides' keys are merged: binary and collation-independent. Component by
 * component: numbers by value, text by Unicode code point (the order of UTF-8 bytes; case, accents,
 * punctuation and trailing spaces all count), temporal values chronologically, {@code null} first.
 * The dialects render the same order in SQL ({@code ComparisonDialect#orderable}).
 *
 * <p>Example: {@code "ABC-001" < "abc 001 " < "abc-001" < "abc_001" < "Ábc-001"}.
 */
public final class KeyOrder implements Comparator<Object[]> {

	private final List<ColumnKind> kinds;

	public KeyOrder(List<ColumnKind> kinds) {
		this.kinds = List.copyOf(kinds);
	}

	@Override
	public int compare(Object[] a, Object[] b) {
		for (int i = 0; i < kinds.size(); i++) {
			int c = compareValue(kinds.get(i), a[i], b[i]);
			if (c != 0) {
				return c;
			}
		}
		return 0;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static int compareValue(ColumnKind kind, Object a, Object b) {
		if (a == null || b == null) {
			return a == null ? (b == null ? 0 : -1) : 1;
		}
		if (a instanceof Long x && b instanceof Long y) {
			return Long.compare(x, y);
		}
		if (a instanceof Integer x && b instanceof Integer y) {
			return Integer.compare(x, y);
		}
		return switch (kind) {
			case BOOLEAN, INTEGER, DECIMAL, FLOAT -> Canonical.toBigDecimal(a).compareTo(Canonical.toBigDecimal(b));
			case DATE, TIMESTAMP, TIMESTAMP_TZ -> Canonical.localDateTime(a).compareTo(Canonical.localDateTime(b));
			case UUID -> codePoints(Canonical.uuid(a), Canonical.uuid(b));
			case BINARY -> a instanceof byte[] x && b instanceof byte[] y ? java.util.Arrays.compareUnsigned(x, y)
					: codePoints(Canonical.binary(a), Canonical.binary(b));
			case STRING, CHAR -> codePoints(Canonical.text(a), Canonical.text(b));
			default -> (a instanceof Comparable ca && a.getClass() == b.getClass()) ? ca.compareTo(b)
					: codePoints(a.toString(), b.toString());
		};
	}

	/** Unicode code point order, which is UTF-8 byte order (String.compareTo is UTF-16 order). */
	static int codePoints(String a, String b) {
		int n = Math.min(a.length(), b.length());
		for (int i = 0; i < n; i++) {
			char x = a.charAt(i);
			char y = b.charAt(i);
			if (x != y) {
				if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
					return Integer.compare(a.codePointAt(i), b.codePointAt(i));
				}
				return Character.compare(x, y);
			}
		}
		return Integer.compare(a.length(), b.length());
	}

}
