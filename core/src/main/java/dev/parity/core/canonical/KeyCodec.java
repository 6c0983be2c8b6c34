package dev.parity.core.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Key values as lossless canonical text and back. The text is what discrepancies show under
 * {@code key} (e.g. {@code {"id": "42"}}) and what restarts and re-reads bind again: numbers plain
 * ({@code 10.5}), text exact, timestamps {@code 2026-11-23 10:00:00.123} with only the significant
 * fractional digits, UUIDs lower case.
 */
public final class KeyCodec {

	private KeyCodec() {
	}

	public static String text(ColumnKind kind, Object value) {
		if (value == null) {
			return null;
		}
		return switch (kind) {
			case BOOLEAN, INTEGER -> Canonical.integer(value);
			case DECIMAL, FLOAT -> Canonical.decimal(value);
			case DATE -> value instanceof LocalDate || value instanceof java.sql.Date ? Canonical.date(value)
					: timestamp(Canonical.localDateTime(value));
			case TIMESTAMP -> timestamp(Canonical.localDateTime(value));
			case TIMESTAMP_TZ -> timestamp(Canonical.localDateTime(value)) + "Z";
			case TIME -> value.toString();
			case UUID -> Canonical.uuid(value);
			case BINARY -> Canonical.binary(value);
			case STRING, CHAR, OTHER -> Canonical.text(value);
		};
	}

	/** The value to bind for {@code text} of a key column of {@code kind}. */
	public static Object parse(ColumnKind kind, String text) {
		if (text == null) {
			return null;
		}
		return switch (kind) {
			case BOOLEAN, INTEGER, DECIMAL, FLOAT -> new BigDecimal(text);
			case DATE -> text.length() == 10 ? LocalDate.parse(text) : LocalDateTime.parse(text.replace(' ', 'T'));
			case TIMESTAMP -> LocalDateTime.parse(text.replace(' ', 'T'));
			case TIMESTAMP_TZ -> OffsetDateTime.of(LocalDateTime.parse(text.substring(0, text.length() - 1).replace(' ', 'T')),
					ZoneOffset.UTC);
			case TIME -> LocalTime.parse(text);
			case UUID -> java.util.UUID.fromString(text);
			case BINARY -> java.util.HexFormat.of().parseHex(text);
			case STRING, CHAR, OTHER -> text;
		};
	}

	private static String timestamp(LocalDateTime time) {
		String text = Canonical.timestamp(time, 9);
		String trimmed = text.replaceAll("0+$", "");
		return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed.toLowerCase(Locale.ROOT);
	}

}
