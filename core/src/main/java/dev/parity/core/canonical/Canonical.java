package dev.parity.core.canonical;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Canonical text of single values: the one canonicaliser every comparison, key and (later) hash uses.
 * The rules, with examples, are the README's table "Canonical values":
 * <ul>
 * <li>{@code null} stays {@code null} and is distinct from {@code ""}.</li>
 * <li>Integers and booleans: plain decimal, booleans as {@code 1}/{@code 0}: {@code true → "1"}.</li>
 * <li>Decimals: plain text without trailing zeros: {@code 10.50 → "10.5"}, {@code 0.00 → "0"}.</li>
 * <li>Floats: rounded half-even to N significant digits, scientific notation outside 1e-6..1e21:
 * {@code 0.1f → "0.1"}, {@code 1.0E-7 → "1E-7"}, {@code -0.0 → "0"}.</li>
 * <li>Text: exactly as stored; {@code CHAR(n)} trailing spaces removed.</li>
 * <li>Dates {@code 2026-11-23}; times {@code 10:00:00.123}; timestamps {@code 2026-11-23 10:00:00.123}
 * with exactly the compared number of fractional digits, truncated; time-zoned timestamps in UTC with
 * a {@code Z}.</li>
 * <li>UUIDs lower case (a UUID kept as text, in either case, against a native one); binary as
 * lower-case hex.</li>
 * </ul>
 */
public final class Canonical {

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

	private Canonical() {
	}

	public static String integer(Object value) {
		return switch (value) {
			case Boolean b -> b ? "1" : "0";
			case Long l -> Long.toString(l);
			case Integer i -> Integer.toString(i);
			case Short s -> Short.toString(s);
			case Byte b -> Byte.toString(b);
			case BigInteger b -> b.toString();
			default -> decimal(value);
		};
	}

	public static String decimal(Object value) {
		BigDecimal decimal = toBigDecimal(value);
		if (decimal.signum() == 0) {
			return "0";
		}
		return decimal.stripTrailingZeros().toPlainString();
	}

	public static String floating(Object value, int digits) {
		double d = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
		if (Double.isNaN(d) || Double.isInfinite(d)) {
			return Double.toString(d);
		}
		if (d == 0.0) {
			return "0";
		}
		// Float.toString for single precision, so 0.1f is 0.1 and not 0.10000000149011612.
		BigDecimal exact = value instanceof Float f ? new BigDecimal(Float.toString(f)) : new BigDecimal(Double.toString(d));
		BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
		double magnitude = Math.abs(d);
		return magnitude >= 1e-6 && magnitude < 1e21 ? rounded.toPlainString() : rounded.toString();
	}

	public static BigDecimal toBigDecimal(Object value) {
		return switch (value) {
			case BigDecimal b -> b;
			case BigInteger b -> new BigDecimal(b);
			case Long l -> BigDecimal.valueOf(l);
			case Integer i -> BigDecimal.valueOf(i);
			case Short s -> BigDecimal.valueOf(s);
			case Byte b -> BigDecimal.valueOf(b);
			case Boolean b -> b ? BigDecimal.ONE : BigDecimal.ZERO;
			case Double d -> new BigDecimal(Double.toString(d));
			case Float f -> new BigDecimal(Float.toString(f));
			default -> new BigDecimal(value.toString().trim());
		};
	}

	public static String text(Object value) {
		return switch (value) {
			case String s -> s;
			case byte[] bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
			case java.sql.Clob clob -> clobText(clob);
			default -> value.toString();
		};
	}

	/** {@code CHAR(n)}: the value without its trailing pad spaces. */
	public static String unpadded(Object value) {
		String text = text(value);
		int end = text.length();
		while (end > 0 && text.charAt(end - 1) == ' ') {
			end--;
		}
		return text.substring(0, end);
	}

	public static String date(Object value) {
		return switch (value) {
			case LocalDate d -> d.toString();
			case LocalDateTime t -> t.toLocalDate().toString();
			case java.sql.Date d -> d.toLocalDate().toString();
			default -> timestamp(value, 0).substring(0, 10);
		};
	}

	public static String time(Object value, int digits) {
		LocalTime time = switch (value) {
			case LocalTime t -> t;
			case java.sql.Time t -> t.toLocalTime();
			case java.time.OffsetTime t -> t.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
			default -> LocalTime.parse(value.toString());
		};
		return DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).format(time) + fraction(time.getNano(), digits);
	}

	/** A timestamp without time zone, as stored. */
	public static String timestamp(Object value, int digits) {
		LocalDateTime time = localDateTime(value);
		return SECONDS.format(time) + fraction(time.getNano(), digits);
	}

	/** An instant, in UTC, marked {@code Z}. */
	public static String instant(Object value, int digits) {
		return timestamp(switch (value) {
			case OffsetDateTime o -> o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
			case ZonedDateTime z -> z.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
			case Instant i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC);
			default -> localDateTime(value);
		}, digits) + "Z";
	}

	public static LocalDateTime localDateTime(Object value) {
		return switch (value) {
			case LocalDateTime t -> t;
			case Timestamp t -> t.toLocalDateTime();
			case LocalDate d -> d.atStartOfDay();
			case java.sql.Date d -> d.toLocalDate().atStartOfDay();
			case OffsetDateTime o -> o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
			case ZonedDateTime z -> z.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
			case Instant i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC);
			default -> LocalDateTime.parse(value.toString().trim().replace(' ', 'T'));
		};
	}

	public static String uuid(Object value) {
		return switch (value) {
			case java.util.UUID u -> u.toString();
			case byte[] b when b.length == 16 -> {
				ByteBuffer buffer = ByteBuffer.wrap(b);
				yield new java.util.UUID(buffer.getLong(), buffer.getLong()).toString();
			}
			default -> unpadded(value).toLowerCase(Locale.ROOT);
		};
	}

	public static String binary(Object value) {
		return switch (value) {
			case byte[] bytes -> HexFormat.of().formatHex(bytes);
			case java.sql.Blob blob -> blobHex(blob);
			default -> HexFormat.of().formatHex(value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		};
	}

	private static String fraction(int nanos, int digits) {
		if (digits <= 0) {
			return "";
		}
		String nine = String.format(Locale.ROOT, "%09d", nanos);
		return "." + nine.substring(0, Math.min(9, digits));
	}

	private static String clobText(java.sql.Clob clob) {
		try {
			return clob.getSubString(1, (int) clob.length());
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String blobHex(java.sql.Blob blob) {
		try {
			return HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
