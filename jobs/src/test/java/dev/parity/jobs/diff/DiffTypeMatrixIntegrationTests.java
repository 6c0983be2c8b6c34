package dev.parity.jobs.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.parity.core.canonical.CompareOptions;
import dev.parity.core.config.TableMapping;
import dev.parity.core.connect.DatabaseConnector;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;
import dev.parity.core.repository.DiscrepancyType;
import dev.parity.core.repository.Finding;
import dev.parity.core.testsupport.TestDatabases;

/**
 * The cross-engine type matrix (data-diff style), on real MariaDB and PostgreSQL and on H2: for every
 * supported column type, equal data gives zero discrepancies and no merge candidate at all (so both
 * sides were merged in the same key order), and one changed value gives exactly one discrepancy with
 * the right column and both canonical values. The traps: NULL vs '', 10.5 vs 10.50, DATETIME(0) vs
 * TIMESTAMP(6), CHAR padding, TINYINT(1) vs BOOLEAN, float rounding, composed vs decomposed Unicode,
 * and keys differing only by case, accent, punctuation or a trailing space under collations that
 * order them differently (PostgreSQL ICU, MariaDB case-insensitive).
 */
@org.junit.jupiter.api.extension.ExtendWith(dev.parity.core.testsupport.ServerTimeZones.class)
class DiffTypeMatrixIntegrationTests {

	@TempDir
	Path dir;

	/**
	 * One column of the matrix: DDL and literals per engine; the source literal, the target literal
	 * of the same datum, the target literal of a changed datum, and the canonical texts expected for
	 * the source and the changed target.
	 */
	record TypeCase(String column, Map<Engine, String> sourceDdl, Map<Engine, String> targetDdl,
			Map<Engine, String> sourceValue, Map<Engine, String> targetValue, Map<Engine, String> changedValue,
			String expectedSource, String expectedChanged) {

		static TypeCase of(String column, String ddl, String value, String changed, String expectedSource,
				String expectedChanged) {
			Map<Engine, String> all = Map.of(Engine.MARIADB, ddl, Engine.POSTGRES, ddl, Engine.H2, ddl);
			Map<Engine, String> values = Map.of(Engine.MARIADB, value, Engine.POSTGRES, value, Engine.H2, value);
			Map<Engine, String> changes = Map.of(Engine.MARIADB, changed, Engine.POSTGRES, changed, Engine.H2, changed);
			return new TypeCase(column, all, all, values, values, changes, expectedSource, expectedChanged);
		}

		static Map<Engine, String> per(String mariadb, String postgres, String h2) {
			return Map.of(Engine.MARIADB, mariadb, Engine.POSTGRES, postgres, Engine.H2, h2);
		}

	}

	static final List<TypeCase> CASES = List.of(
			TypeCase.of("c_int", "INT", "42", "43", "42", "43"),
			TypeCase.of("c_bigint", "BIGINT", "9007199254740993", "9007199254740994", "9007199254740993", "9007199254740994"),
			// 10.5 vs 10.50
			new TypeCase("c_decimal", TypeCase.per("DECIMAL(10,1)", "NUMERIC(10,1)", "DECIMAL(10,1)"),
					TypeCase.per("DECIMAL(12,4)", "NUMERIC(12,4)", "DECIMAL(12,4)"), TypeCase.per("10.5", "10.5", "10.5"),
					TypeCase.per("10.5000", "10.50", "10.50"), TypeCase.per("10.51", "10.51", "10.51"), "10.5", "10.51"),
			// float rounding: 0.1 + 0.2 against 0.3
			new TypeCase("c_double", TypeCase.per("DOUBLE", "DOUBLE PRECISION", "DOUBLE PRECISION"),
					TypeCase.per("DOUBLE", "DOUBLE PRECISION", "DOUBLE PRECISION"),
					TypeCase.per("0.30000000000000004", "0.30000000000000004", "0.30000000000000004"),
					TypeCase.per("0.3", "0.3", "0.3"), TypeCase.per("0.31", "0.31", "0.31"), "0.3", "0.31"),
			new TypeCase("c_real", TypeCase.per("FLOAT", "REAL", "REAL"), TypeCase.per("FLOAT", "REAL", "REAL"),
					TypeCase.per("0.1", "0.1", "0.1"), TypeCase.per("0.1", "0.1", "0.1"), TypeCase.per("0.2", "0.2", "0.2"),
					"0.1", "0.2"),
			TypeCase.of("c_varchar", "VARCHAR(50)", "'Hello, World'", "'Hello, world'", "Hello, World", "Hello, world"),
			// NULL is not ''
			TypeCase.of("c_empty", "VARCHAR(10)", "''", "NULL", "", null),
			// CHAR padding: CHAR(10) against VARCHAR(10)
			new TypeCase("c_char", TypeCase.per("CHAR(10)", "CHAR(10)", "CHAR(10)"),
					TypeCase.per("VARCHAR(10)", "VARCHAR(10)", "VARCHAR(10)"), TypeCase.per("'abc'", "'abc'", "'abc'"),
					TypeCase.per("'abc'", "'abc'", "'abc'"), TypeCase.per("'abd'", "'abd'", "'abd'"), "abc", "abd"),
			TypeCase.of("c_unicode", "VARCHAR(50)", "'Zoë Ångström — 東京 🎉'", "'Zoë Ångström — 東京 🎊'",
					"Zoë Ångström — 東京 🎉", "Zoë Ångström — 東京 🎊"),
			// composed vs decomposed: different code points, equal only with nfc
			new TypeCase("c_nfc", TypeCase.per("VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)"),
					TypeCase.per("VARCHAR(20)", "VARCHAR(20)", "VARCHAR(20)"),
					TypeCase.per("'café'", "'café'", "'café'"), TypeCase.per("'café'", "'café'", "'café'"),
					TypeCase.per("CONCAT('cafe', _utf8mb4 0xCC81)", "U&'cafe\\0301'", "U&'cafe\\0301'"), "café",
					"cafe\u0301"),
			// TINYINT(1) against BOOLEAN
			new TypeCase("c_flag", TypeCase.per("TINYINT(1)", "BOOLEAN", "BOOLEAN"),
					TypeCase.per("TINYINT(1)", "BOOLEAN", "BOOLEAN"), TypeCase.per("1", "TRUE", "TRUE"),
					TypeCase.per("1", "TRUE", "TRUE"), TypeCase.per("0", "FALSE", "FALSE"), "1", "0"),
			TypeCase.of("c_date", "DATE", "DATE '2026-11-23'", "DATE '2026-11-24'", "2026-11-23", "2026-11-24"),
			// DATETIME(0) against TIMESTAMP(6): compared at 0 digits, truncated
			new TypeCase("c_ts0", TypeCase.per("DATETIME(0)", "TIMESTAMP(0)", "TIMESTAMP(0)"),
					TypeCase.per("DATETIME(6)", "TIMESTAMP(6)", "TIMESTAMP(6)"),
					TypeCase.per("'2026-11-23 10:00:00'", "'2026-11-23 10:00:00'", "TIMESTAMP '2026-11-23 10:00:00'"),
					TypeCase.per("'2026-11-23 10:00:00.654321'", "'2026-11-23 10:00:00.654321'",
							"TIMESTAMP '2026-11-23 10:00:00.654321'"),
					TypeCase.per("'2026-11-23 10:00:01'", "'2026-11-23 10:00:01'", "TIMESTAMP '2026-11-23 10:00:01'"),
					"2026-11-23 10:00:00", "2026-11-23 10:00:01"),
			new TypeCase("c_ts6", TypeCase.per("DATETIME(6)", "TIMESTAMP(6)", "TIMESTAMP(6)"),
					TypeCase.per("DATETIME(6)", "TIMESTAMP(6)", "TIMESTAMP(6)"),
					TypeCase.per("'2026-11-23 10:00:00.123456'", "'2026-11-23 10:00:00.123456'",
							"TIMESTAMP '2026-11-23 10:00:00.123456'"),
					TypeCase.per("'2026-11-23 10:00:00.123456'", "'2026-11-23 10:00:00.123456'",
							"TIMESTAMP '2026-11-23 10:00:00.123456'"),
					TypeCase.per("'2026-11-23 10:00:00.123457'", "'2026-11-23 10:00:00.123457'",
							"TIMESTAMP '2026-11-23 10:00:00.123457'"),
					"2026-11-23 10:00:00.123456", "2026-11-23 10:00:00.123457"),
			TypeCase.of("c_time", "TIME(0)", "TIME '10:11:12'", "TIME '10:11:13'", "10:11:12", "10:11:13"),
			new TypeCase("c_uuid", TypeCase.per("CHAR(36)", "UUID", "UUID"), TypeCase.per("CHAR(36)", "UUID", "UUID"),
					TypeCase.per("'6f1c2a3e-0b4d-4c8e-9f10-1a2b3c4d5e6f'", "'6f1c2a3e-0b4d-4c8e-9f10-1a2b3c4d5e6f'",
							"'6f1c2a3e-0b4d-4c8e-9f10-1a2b3c4d5e6f'"),
					TypeCase.per("'6f1c2a3e-0b4d-4c8e-9f10-1a2b3c4d5e6f'", "'6f1c2a3e-0b4d-4c8e-9f10-1a2b3c4d5e6f'",
							"'6f1c2a3e-0b4d-4c8e-9f10-1a2b3c4d5e6f'"),
					TypeCase.per("'6f1c2a3e-0b4d-4c8e-9f10-1a2b3c4d5e70'", "'6f1c2a3e-0b4d-4c8e-9f10-1a2b3c4d5e70'",
							"'6f1c2a3e-0b4d-4c8e-9f10-1a2b3c4d5e70'"),
					"6f1c2a3e-0b4d-4c8e-9f10-1a2b3c4d5e6f", "6f1c2a3e-0b4d-4c8e-9f10-1a2b3c4d5e70"),
			new TypeCase("c_binary", TypeCase.per("VARBINARY(16)", "BYTEA", "VARBINARY(16)"),
					TypeCase.per("VARBINARY(16)", "BYTEA", "VARBINARY(16)"),
					TypeCase.per("X'DEADBEEF'", "'\\xDEADBEEF'::bytea", "X'DEADBEEF'"),
					TypeCase.per("X'DEADBEEF'", "'\\xDEADBEEF'::bytea", "X'DEADBEEF'"),
					TypeCase.per("X'DEADBEEE'", "'\\xDEADBEEE'::bytea", "X'DEADBEEE'"), "deadbeef", "deadbeee"),
			// a UUID kept as upper-case text against a native one (and the reverse): lower case on both sides
			new TypeCase("c_uuid_upper", TypeCase.per("CHAR(36)", "UUID", "UUID"), TypeCase.per("CHAR(36)", "UUID", "CHAR(36)"),
					TypeCase.per("'6F1C2A3E-0B4D-4C8E-9F10-1A2B3C4D5E6F'", "'6F1C2A3E-0B4D-4C8E-9F10-1A2B3C4D5E6F'",
							"'6F1C2A3E-0B4D-4C8E-9F10-1A2B3C4D5E6F'"),
					TypeCase.per("'6F1C2A3E-0B4D-4C8E-9F10-1A2B3C4D5E6F'", "'6F1C2A3E-0B4D-4C8E-9F10-1A2B3C4D5E6F'",
							"'6F1C2A3E-0B4D-4C8E-9F10-1A2B3C4D5E6F'"),
					TypeCase.per("'6F1C2A3E-0B4D-4C8E-9F10-1A2B3C4D5E70'", "'6F1C2A3E-0B4D-4C8E-9F10-1A2B3C4D5E70'",
							"'6F1C2A3E-0B4D-4C8E-9F10-1A2B3C4D5E70'"),
					"6f1c2a3e-0b4d-4c8e-9f10-1a2b3c4d5e6f", "6f1c2a3e-0b4d-4c8e-9f10-1a2b3c4d5e70"),
			// Time (see TimeZoneMatrix): two instants an hour apart that read as the same wall-clock time in
			// the autumn overlap of Europe/Berlin (and of America/New_York); MariaDB TIMESTAMP is an instant
			instant("c_instant_eu", "2026-10-25 00:30:00.123456", "2026-10-25 01:30:00.123456"),
			instant("c_instant_us", "2026-11-01 05:30:00.5", "2026-11-01 06:30:00.5"),
			// naive date-times in the spring-forward gap of Europe/Berlin and of America/New_York, an hour
			// before their neighbour (java.sql.Timestamp in such a JVM zone moves them onto it)
			naive("c_gap_eu", "2026-03-29 02:30:00", "2026-03-29 03:30:00"),
			naive("c_gap_us", "2026-03-08 02:30:00.25", "2026-03-08 03:30:00.25"),
			// before 1970 with microseconds, after 2038
			naive("c_pre1970", "1969-12-31 23:59:59.999999", "1969-12-31 23:59:59.999998"),
			naive("c_post2038", "2040-06-30 12:00:00.000001", "2040-06-30 12:00:00.000002"),
			// dates before 1582-10-15 (the Julian/Gregorian hybrid calendar moves 1582-10-10 onto 1582-10-20)
			TypeCase.of("c_old_date", "DATE", "DATE '1582-10-10'", "DATE '1582-10-20'", "1582-10-10", "1582-10-20"),
			TypeCase.of("c_ancient_date", "DATE", "DATE '0999-03-01'", "DATE '0999-02-28'", "0999-03-01", "0999-02-28"),
			new TypeCase("c_text", TypeCase.per("TEXT", "TEXT", "CHARACTER LARGE OBJECT"),
					TypeCase.per("TEXT", "TEXT", "CHARACTER LARGE OBJECT"), TypeCase.per("'long text'", "'long text'", "'long text'"),
					TypeCase.per("'long text'", "'long text'", "'long text'"),
					TypeCase.per("'long text!'", "'long text!'", "'long text!'"), "long text", "long text!"));

	/** An instant column (6 digits), the same instant on every engine, and a changed one (UTC literals). */
	static TypeCase instant(String column, String utc, String changedUtc) {
		Map<Engine, String> ddl = TypeCase.per("TIMESTAMP(6)", "TIMESTAMPTZ(6)", "TIMESTAMP(6) WITH TIME ZONE");
		// MariaDB reads a TIMESTAMP literal in the session's zone: the fixture's sessions are UTC (TestSchema)
		Map<Engine, String> value = TypeCase.per("'" + utc + "'", "TIMESTAMPTZ '" + utc + "+00'",
				"TIMESTAMP WITH TIME ZONE '" + utc + "+00:00'");
		Map<Engine, String> changed = TypeCase.per("'" + changedUtc + "'", "TIMESTAMPTZ '" + changedUtc + "+00'",
				"TIMESTAMP WITH TIME ZONE '" + changedUtc + "+00:00'");
		return new TypeCase(column, ddl, ddl, value, value, changed, micros(utc) + "Z", micros(changedUtc) + "Z");
	}

	/** A naive date-time column (6 digits). */
	static TypeCase naive(String column, String local, String changedLocal) {
		Map<Engine, String> ddl = TypeCase.per("DATETIME(6)", "TIMESTAMP(6)", "TIMESTAMP(6)");
		Map<Engine, String> value = TypeCase.per("'" + local + "'", "'" + local + "'", "TIMESTAMP '" + local + "'");
		Map<Engine, String> changed = TypeCase.per("'" + changedLocal + "'", "'" + changedLocal + "'",
				"TIMESTAMP '" + changedLocal + "'");
		return new TypeCase(column, ddl, ddl, value, value, changed, micros(local), micros(changedLocal));
	}

	private static String micros(String time) {
		String fraction = time.contains(".") ? time.substring(time.indexOf('.') + 1) : "";
		return time.replaceAll("\\..*$", "") + "." + (fraction + "000000").substring(0, 6);
	}

	/** Keys that differ only by case, accent, punctuation or a trailing space. */
	static final List<String> KEYS = List.of("abc", "ABC", "Ábc", "abc ", "a-b", "a_b", "a b", "zz", "Zz", "éa");

	static Stream<Arguments> enginePairs() {
		return Stream.of(Arguments.of(Engine.MARIADB, Engine.POSTGRES), Arguments.of(Engine.POSTGRES, Engine.POSTGRES),
				Arguments.of(Engine.POSTGRES, Engine.MARIADB), Arguments.of(Engine.H2, Engine.H2));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("enginePairs")
	void everyTypeIsEqualWhenEqualAndDiffersExactlyOnceWhenChanged(Engine sourceEngine, Engine targetEngine) {
		assumeAvailable(sourceEngine, targetEngine);
		try (Engine.Schema sourceSchema = sourceEngine.fresh(dir, "source");
				Engine.Schema targetSchema = targetEngine.fresh(dir, "target")) {
			// given: the same rows on both sides, keyed by (k, n) with collation traps on k
			sourceSchema.execute(create(sourceEngine, true), insert(sourceEngine, true));
			targetSchema.execute(create(targetEngine, false), insert(targetEngine, false));
			try (SourceDatabase source = DatabaseConnector.source(sourceSchema.settings());
					TargetDatabase target = DatabaseConnector.target(targetSchema.settings())) {
				TableMapping mapping = new TableMapping("matrix", "matrix", "matrix", List.of("k", "n"), null, false, null,
						null);

				// when the data is equal: nothing, not even a merge candidate
				DiffHarness.Result equal = DiffHarness.diff(source, target, mapping);
				assertThat(equal.findings()).isEmpty();
				assertThat(equal.candidates()).as("merge candidates on equal data").isEmpty();

				// when one value of one type changes: exactly that one discrepancy
				for (TypeCase type : CASES) {
					String where = " WHERE k = 'Ábc' AND n = 2";
					targetSchema.execute("UPDATE matrix SET " + type.column() + " = " + type.changedValue().get(targetEngine) + where);
					List<Finding> findings = DiffHarness.diff(source, target, mapping).findings();
					targetSchema.execute("UPDATE matrix SET " + type.column() + " = " + type.targetValue().get(targetEngine) + where);
					assertThat(findings).as(type.column()).singleElement().satisfies((f) -> {
						assertThat(f.type()).isEqualTo(DiscrepancyType.FIELD_MISMATCH);
						assertThat(f.column()).isEqualToIgnoringCase(type.column());
						assertThat(f.key()).containsExactly(Map.entry(f.key().keySet().iterator().next(), "Ábc"),
								Map.entry(new ArrayList<>(f.key().keySet()).get(1), "2"));
						assertThat(f.sourceValue()).isEqualTo(type.expectedSource());
						assertThat(f.targetValue()).isEqualTo(type.expectedChanged());
					});
				}

				// NFC: with the option, composed and decomposed are equal
				targetSchema.execute("UPDATE matrix SET c_nfc = " + CASES.stream()
					.filter((c) -> c.column().equals("c_nfc")).findFirst().orElseThrow().changedValue().get(targetEngine));
				TableMapping nfc = new TableMapping("matrix", "matrix", "matrix", List.of("k", "n"), null, false, null, null,
						Map.of("c_nfc", new CompareOptions(false, false, true, null, null, null)));
				assertThat(DiffHarness.diff(source, target, nfc).findings()).isEmpty();
				assertThat(DiffHarness.diff(source, target, mapping).findings()).hasSize(KEYS.size() * 2);
			}
		}
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("enginePairs")
	void missingExtraAndDuplicateRowsAreFoundByKeyWhateverTheKeyType(Engine sourceEngine, Engine targetEngine) {
		assumeAvailable(sourceEngine, targetEngine);
		String[][] keyTypes = { { "INT", "42", "7", "1000" }, { "DECIMAL(10,2)", "1.50", "10.25", "2.00" },
				{ "DATE", "DATE '2026-01-02'", "DATE '2025-12-31'", "DATE '2026-11-23'" },
				{ sourceEngine == Engine.MARIADB ? "DATETIME(6)" : "TIMESTAMP(6)", "TIMESTAMP '2026-01-02 03:04:05.5'",
						"TIMESTAMP '2025-12-31 23:59:59'", "TIMESTAMP '2026-11-23 10:00:00.000001'" },
				{ sourceEngine == Engine.MARIADB ? "CHAR(36)" : "UUID", "'f0000000-0000-4000-8000-000000000001'",
						"'0a000000-0000-4000-8000-000000000002'", "'6f1c2a3e-0b4d-4c8e-9f10-1a2b3c4d5e6f'" } };
		try (Engine.Schema sourceSchema = sourceEngine.fresh(dir, "source");
				Engine.Schema targetSchema = targetEngine.fresh(dir, "target")) {
			for (int t = 0; t < keyTypes.length; t++) {
				String[] k = keyTypes[t];
				String targetType = k[0].equals("DATETIME(6)") || k[0].equals("TIMESTAMP(6)")
						? (targetEngine == Engine.MARIADB ? "DATETIME(6)" : "TIMESTAMP(6)")
						: k[0].equals("CHAR(36)") || k[0].equals("UUID") ? (targetEngine == Engine.MARIADB ? "CHAR(36)" : "UUID")
								: k[0];
				sourceSchema.execute("CREATE TABLE keys" + t + " (id " + k[0] + " PRIMARY KEY, v INT)",
						"INSERT INTO keys" + t + " VALUES (" + k[1] + ", 1), (" + k[2] + ", 2), (" + k[3] + ", 3)");
				// the target lacks the key constraint: (k1) missing, (k3) twice, and one extra row
				targetSchema.execute("CREATE TABLE keys" + t + " (id " + targetType + " NOT NULL, v INT)",
						"INSERT INTO keys" + t + " VALUES (" + k[2] + ", 2), (" + k[3] + ", 3), (" + k[3] + ", 3)");
			}
			targetSchema.execute("INSERT INTO keys0 VALUES (5, 9)");
			try (SourceDatabase source = DatabaseConnector.source(sourceSchema.settings());
					TargetDatabase target = DatabaseConnector.target(targetSchema.settings())) {
				for (int t = 0; t < keyTypes.length; t++) {
					TableMapping mapping = new TableMapping("keys" + t, "keys" + t, "keys" + t, List.of("id"), null, false,
							null, null);
					List<String> found = DiffHarness.diff(source, target, mapping).findings()
						.stream()
						.map((f) -> f.type() + " " + f.key().values().iterator().next())
						.sorted()
						.collect(Collectors.toList());
					List<String> expected = new ArrayList<>(List.of("DUPLICATE_IN_TARGET " + canonicalKey(keyTypes[t][3]),
							"MISSING_IN_TARGET " + canonicalKey(keyTypes[t][1])));
					if (t == 0) {
						expected.add("EXTRA_IN_TARGET 5");
					}
					assertThat(found).as(keyTypes[t][0]).containsExactlyInAnyOrderElementsOf(expected);
				}
			}
		}
	}

	private static String canonicalKey(String literal) {
		String text = literal.replaceAll("^(DATE|TIMESTAMP) ", "").replace("'", "");
		return switch (text) {
			case "1.50" -> "1.5";
			case "2.00" -> "2";
			default -> text;
		};
	}

	static void assumeAvailable(Engine... engines) {
		for (Engine engine : engines) {
			String reason = switch (engine) {
				case MARIADB -> TestDatabases.MARIADB.unavailableReason();
				case POSTGRES -> TestDatabases.POSTGRES.unavailableReason();
				case H2 -> null;
			};
			Assumptions.assumeTrue(reason == null, reason);
		}
	}

	static String create(Engine engine, boolean source) {
		String keyType = switch (engine) {
			// binary, no-pad: the legacy system keys case-, accent- and space-sensitively
			case MARIADB -> "VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin";
			// ICU orders case and accents linguistically, unlike Parity's binary merge order
			case POSTGRES -> "VARCHAR(20) COLLATE \"und-x-icu\"";
			case H2 -> "VARCHAR(20)";
		};
		String columns = CASES.stream()
			.map((c) -> c.column() + " " + (source ? c.sourceDdl() : c.targetDdl()).get(engine) + " NULL")
			.collect(Collectors.joining(", "));
		return "CREATE TABLE matrix (k " + keyType + " NOT NULL, n INT NOT NULL, " + columns + ", PRIMARY KEY (k, n))";
	}

	static String insert(Engine engine, boolean source) {
		List<String> rows = new ArrayList<>();
		for (String key : KEYS) {
			for (int n = 1; n <= 2; n++) {
				String values = CASES.stream()
					.map((c) -> (source ? c.sourceValue() : c.targetValue()).get(engine))
					.collect(Collectors.joining(", "));
				rows.add("('" + key + "', " + n + ", " + values + ")");
			}
		}
		return "INSERT INTO matrix VALUES " + String.join(", ", rows);
	}

}
