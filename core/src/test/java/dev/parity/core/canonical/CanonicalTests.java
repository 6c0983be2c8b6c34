package dev.parity.core.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/** The canonicaliser's rules, one example each (the README's table). */
class CanonicalTests {

	private static ColumnRule rule(org.jooq.DataType<?> source, org.jooq.DataType<?> target) {
		return ColumnRule.of(source, target, null);
	}

	@Test
	void nullIsNotEmpty() {
		ColumnRule text = rule(SQLDataType.VARCHAR(10), SQLDataType.VARCHAR(10));
		assertThat(text.canonical(null)).isNull();
		assertThat(text.canonical("")).isEmpty();
		assertThat(text.matches(text.canonical(null), text.canonical(""))).isFalse();
	}

	@Test
	void numbersCompareByValue() {
		ColumnRule decimal = rule(SQLDataType.DECIMAL(10, 1), SQLDataType.DECIMAL(12, 4));
		assertThat(decimal.canonical(new BigDecimal("10.50"))).isEqualTo("10.5");
		assertThat(decimal.canonical(new BigDecimal("10.5000"))).isEqualTo("10.5");
		assertThat(decimal.canonical(new BigDecimal("0.000"))).isEqualTo("0");
		assertThat(decimal.canonical(new BigDecimal("1E+3"))).isEqualTo("1000");
		ColumnRule integer = rule(SQLDataType.INTEGER, SQLDataType.BIGINT);
		assertThat(integer.canonical(42)).isEqualTo(integer.canonical(42L)).isEqualTo("42");
	}

	@Test
	void booleansAreFlags() {
		ColumnRule flag = rule(SQLDataType.TINYINT, SQLDataType.BOOLEAN);
		assertThat(flag.kind()).isEqualTo(ColumnKind.INTEGER);
		assertThat(flag.canonical(true)).isEqualTo(flag.canonical((byte) 1)).isEqualTo("1");
		assertThat(flag.canonical(false)).isEqualTo("0");
	}

	@Test
	void floatsRoundToSignificantDigits() {
		ColumnRule doubles = rule(SQLDataType.DOUBLE, SQLDataType.DOUBLE);
		assertThat(doubles.digits()).isEqualTo(15);
		assertThat(doubles.canonical(0.1 + 0.2)).isEqualTo(doubles.canonical(0.3)).isEqualTo("0.3");
		assertThat(doubles.canonical(-0.0)).isEqualTo("0");
		assertThat(doubles.canonical(1.0E-7)).isEqualTo("1E-7");
		ColumnRule real = rule(SQLDataType.REAL, SQLDataType.DOUBLE);
		assertThat(real.digits()).isEqualTo(6);
		assertThat(real.canonical(0.1f)).isEqualTo(real.canonical(0.1)).isEqualTo("0.1");
	}

	@Test
	void charPaddingIsIgnoredAndOptionsApply() {
		ColumnRule padded = rule(SQLDataType.CHAR(10), SQLDataType.VARCHAR(10));
		assertThat(padded.canonical("abc       ")).isEqualTo("abc");
		ColumnRule exact = rule(SQLDataType.VARCHAR(10), SQLDataType.VARCHAR(10));
		assertThat(exact.canonical("abc ")).isEqualTo("abc ");
		ColumnRule relaxed = ColumnRule.of(SQLDataType.VARCHAR, SQLDataType.VARCHAR,
				new CompareOptions(true, true, true, null, null, null));
		assertThat(relaxed.canonical("  Cafe\u0301 ")).isEqualTo("café");
		ColumnRule tolerant = ColumnRule.of(SQLDataType.DECIMAL, SQLDataType.DECIMAL,
				new CompareOptions(false, false, false, new BigDecimal("0.01"), null, null));
		assertThat(tolerant.matches("10.5", "10.51")).isTrue();
		assertThat(tolerant.matches("10.5", "10.52")).isFalse();
	}

	@Test
	void timestampsAtTheCoarserPrecision() {
		ColumnRule coarse = rule(SQLDataType.TIMESTAMP(0), SQLDataType.TIMESTAMP(6));
		assertThat(coarse.digits()).isZero();
		assertThat(coarse.canonical(LocalDateTime.parse("2026-11-23T10:00:00.654321"))).isEqualTo("2026-11-23 10:00:00");
		ColumnRule fine = rule(SQLDataType.TIMESTAMP(3), SQLDataType.TIMESTAMP(6));
		assertThat(fine.canonical(LocalDateTime.parse("2026-11-23T10:00:00.1239"))).isEqualTo("2026-11-23 10:00:00.123");
		ColumnRule instant = rule(SQLDataType.TIMESTAMPWITHTIMEZONE(3), SQLDataType.TIMESTAMPWITHTIMEZONE(3));
		assertThat(instant.canonical(OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.ofHours(2))))
			.isEqualTo("2026-11-23 10:00:00.000Z");
		assertThat(rule(SQLDataType.DATE, SQLDataType.DATE).canonical(LocalDate.of(2026, 11, 23))).isEqualTo("2026-11-23");
	}

	@Test
	void uuidsAndBinary() {
		UUID uuid = UUID.fromString("6F1C2A3E-0B4D-4C8E-9F10-1A2B3C4D5E6F");
		assertThat(rule(SQLDataType.UUID, SQLDataType.UUID).canonical(uuid)).isEqualTo("6f1c2a3e-0b4d-4c8e-9f10-1a2b3c4d5e6f");
		assertThat(rule(SQLDataType.VARBINARY, SQLDataType.BLOB).canonical(new byte[] { (byte) 0xDE, (byte) 0xAD }))
			.isEqualTo("dead");
	}

	@Test
	void keysOrderByCodePointWhateverTheCollation() {
		List<Object[]> keys = new ArrayList<>();
		for (String key : List.of("Ábc-001", "abc_001", "abc-001", "abc 001 ", "ABC-001", "\uD83C\uDF89", "\uFF21")) {
			keys.add(new Object[] { key });
		}
		keys.sort(new KeyOrder(List.of(ColumnKind.STRING)));
		// U+FF21 (a BMP letter) sorts before U+1F389 (a surrogate pair), unlike String.compareTo
		assertThat(keys).extracting((k) -> (String) k[0])
			.containsExactly("ABC-001", "abc 001 ", "abc-001", "abc_001", "Ábc-001", "\uFF21", "\uD83C\uDF89");
		KeyOrder numeric = new KeyOrder(List.of(ColumnKind.DECIMAL, ColumnKind.INTEGER));
		assertThat(numeric.compare(new Object[] { new BigDecimal("2.00"), 1 }, new Object[] { new BigDecimal("10.25"), 1 }))
			.isNegative();
		assertThat(numeric.compare(new Object[] { new BigDecimal("1.50"), 7L }, new Object[] { new BigDecimal("1.5"), 7 }))
			.isZero();
	}

	@Test
	void keyTextIsLosslessAndRoundTrips() {
		LocalDateTime time = LocalDateTime.parse("2026-11-23T10:00:00.000100");
		assertThat(KeyCodec.text(ColumnKind.TIMESTAMP, time)).isEqualTo("2026-11-23 10:00:00.0001");
		assertThat(KeyCodec.parse(ColumnKind.TIMESTAMP, "2026-11-23 10:00:00.0001")).isEqualTo(time);
		assertThat(KeyCodec.text(ColumnKind.TIMESTAMP, LocalDateTime.parse("2026-11-23T10:00:00"))).isEqualTo("2026-11-23 10:00:00");
		assertThat(KeyCodec.text(ColumnKind.DECIMAL, new BigDecimal("10.50"))).isEqualTo("10.5");
		assertThat(KeyCodec.text(ColumnKind.DATE, java.sql.Date.valueOf("2026-11-23"))).isEqualTo("2026-11-23");
		assertThat(KeyCodec.text(ColumnKind.STRING, "abc ")).isEqualTo("abc ");
	}

}
