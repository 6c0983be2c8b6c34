package dev.parity.jobs.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.jooq.Field;
import org.jooq.Record;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.parity.core.compare.ChecksumPlan;
import dev.parity.core.compare.Checksummer;
import dev.parity.core.compare.ComparePlan;
import dev.parity.core.compare.KeyRange;
import dev.parity.core.compare.RowHash;
import dev.parity.core.compare.RowQueries;
import dev.parity.core.compare.SideChecksum;
import dev.parity.core.config.ConfigException;
import dev.parity.core.config.ConfigProblem;
import dev.parity.core.config.TableMapping;
import dev.parity.core.connect.Database;
import dev.parity.core.connect.DatabaseConnector;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;
import dev.parity.core.mapping.MappingValidator;

/**
 * The checksum's half of the type matrix, on the diff matrix's tables and engine pairs: for every
 * supported type, the canonical text each database computes in SQL equals Parity's Java canonical
 * text of the same value read over JDBC, and each database's SQL row hash equals Parity's Java hash
 * of the same row, row by row — so equal data checksums equal across engines, and one changed value
 * changes the checksum. Where an engine has no SQL form for a type, the plan must say so (fallback)
 * and name the column: the expected fallbacks are listed here, so a silent change fails the test.
 */
@org.junit.jupiter.api.extension.ExtendWith(dev.parity.core.testsupport.ServerTimeZones.class)
class ChecksumTypeMatrixIntegrationTests {

	/** Columns an engine cannot canonicalise in SQL, by engine: they make the table fall back. */
	static final Map<Engine, Set<String>> FALLBACKS = Map.of(Engine.MARIADB, Set.of("c_real"), Engine.POSTGRES, Set.of(),
			Engine.H2, Set.of("c_double", "c_real"));

	@TempDir
	Path dir;

	static Stream<Arguments> enginePairs() {
		return DiffTypeMatrixIntegrationTests.enginePairs();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("enginePairs")
	void sqlCanonicalTextAndRowHashEqualParitysJavaOnEveryEngine(Engine sourceEngine, Engine targetEngine) {
		DiffTypeMatrixIntegrationTests.assumeAvailable(sourceEngine, targetEngine);
		try (Engine.Schema sourceSchema = sourceEngine.fresh(dir, "source");
				Engine.Schema targetSchema = targetEngine.fresh(dir, "target")) {
			// given: the diff matrix's rows on both sides, with its extra float traps
			sourceSchema.execute(DiffTypeMatrixIntegrationTests.create(sourceEngine, true),
					DiffTypeMatrixIntegrationTests.insert(sourceEngine, true));
			targetSchema.execute(DiffTypeMatrixIntegrationTests.create(targetEngine, false),
					DiffTypeMatrixIntegrationTests.insert(targetEngine, false));
			setDoubles(sourceSchema, FLOAT_TRAPS);
			setDoubles(targetSchema, FLOAT_TRAPS);
			try (SourceDatabase source = DatabaseConnector.source(sourceSchema.settings());
					TargetDatabase target = DatabaseConnector.target(targetSchema.settings())) {
				TableMapping all = mapping(List.of());
				ChecksumPlan plan = plan(source, target, all);

				// then: the plan falls back exactly where an engine has no SQL form, naming the columns
				Set<String> fallbacks = new java.util.TreeSet<>(FALLBACKS.get(sourceEngine));
				fallbacks.addAll(FALLBACKS.get(targetEngine));
				if (fallbacks.isEmpty()) {
					assertThat(plan.fallback()).isNull();
				}
				else {
					assertThat(plan.fallback()).isNotNull();
					fallbacks.forEach((column) -> assertThat(plan.fallback()).containsIgnoringCase(column));
				}

				// and: every column with an SQL form gives Java's canonical text, value by value, on both sides
				for (int i = 0; i < plan.rules().size(); i++) {
					String column = (i < 2 ? (i == 0 ? "k" : "n") : plan.compare().pair().columns().get(i - 2).name())
						.toLowerCase(java.util.Locale.ROOT);
					for (Database database : List.<Database>of(source, target)) {
						boolean fromSource = database == source;
						Field<?> value = i < 2 ? plan.compare().keyFields(fromSource).get(i)
								: fromSource ? plan.compare().pair().columns().get(i - 2).source()
										: plan.compare().pair().columns().get(i - 2).target();
						var canonical = database.dialect().canonicalText(value, plan.rules().get(i));
						Engine engine = fromSource ? sourceEngine : targetEngine;
						assertThat(canonical.isPresent()).as(column + " on " + engine)
							.isEqualTo(!FALLBACKS.get(engine).contains(column));
						if (canonical.isPresent()) {
							assertThat(sqlTexts(database, plan, fromSource, value, canonical.get()))
								.as(column + " on " + engine)
								.isEqualTo(javaTexts(database, plan, fromSource, i));
						}
					}
				}

				// and: on the columns both engines canonicalise, the SQL row hash is Parity's, row by row,
				// and equal data has equal checksums on both sides
				List<String> ignored = new ArrayList<>(fallbacks);
				ChecksumPlan sqlPlan = plan(source, target, mapping(ignored));
				assertThat(sqlPlan.fallback()).isNull();
				for (Database database : List.<Database>of(source, target)) {
					boolean fromSource = database == source;
					assertThat(sqlHashes(database, sqlPlan, fromSource)).as("row hashes on " + database.dialect().name())
						.isEqualTo(javaHashes(database, sqlPlan, fromSource))
						.hasSize(DiffTypeMatrixIntegrationTests.KEYS.size() * 2);
				}
				Checksummer checksummer = new Checksummer(sqlPlan, source, target, Executors.newSingleThreadExecutor(), 100);
				assertThat(checksummer.both(KeyRange.ALL).equal()).isTrue();

				// and: magnitudes Java writes in scientific notation are marked in SQL, never equal to Java's text,
				// so a row holding one always reaches Parity's own comparison
				setDoubles(targetSchema, SCIENTIFIC);
				for (Database database : List.<Database>of(target)) {
					boolean fromSource = false;
					int i = 2 + columnIndex(plan, "c_double");
					Field<?> value = fromSource ? plan.compare().pair().columns().get(i - 2).source()
							: plan.compare().pair().columns().get(i - 2).target();
					database.dialect().canonicalText(value, plan.rules().get(i)).ifPresent((canonical) -> {
						Map<String, String> sql = sqlTexts(database, plan, fromSource, value, canonical);
						Map<String, String> java = javaTexts(database, plan, fromSource, i);
						for (String[] trap : SCIENTIFIC) {
							assertThat(java.get(trap[0] + "/1")).contains("E");
							assertThat(sql.get(trap[0] + "/1")).startsWith("~");
						}
					});
				}
				setDoubles(targetSchema, FLOAT_TRAPS);

				// and: one changed value of each type changes the checksum of exactly that row, in SQL and in Parity
				ChecksumPlan javaPlan = plan(source, target, mapping(List.of()));
				Checksummer inParity = new Checksummer(new ChecksumPlan(javaPlan.compare(), javaPlan.rules(), "test: in Parity"),
						source, target, Executors.newSingleThreadExecutor(), 100);
				assertThat(inParity.both(KeyRange.ALL).equal()).isTrue();
				for (DiffTypeMatrixIntegrationTests.TypeCase type : DiffTypeMatrixIntegrationTests.CASES) {
					String where = " WHERE k = 'Ábc' AND n = 2";
					targetSchema.execute("UPDATE matrix SET " + type.column() + " = " + type.changedValue().get(targetEngine) + where);
					try {
						if (!fallbacks.contains(type.column())) {
							assertThat(checksummer.both(KeyRange.ALL).equal()).as(type.column() + " changed, in SQL").isFalse();
						}
						SideChecksum before = inParity.side(true, KeyRange.ALL);
						SideChecksum after = inParity.side(false, KeyRange.ALL);
						assertThat(after.count()).isEqualTo(before.count());
						assertThat(after.sum()).as(type.column() + " changed, in Parity").isNotEqualTo(before.sum());
					}
					finally {
						targetSchema.execute("UPDATE matrix SET " + type.column() + " = " + type.targetValue().get(targetEngine) + where);
					}
				}
			}
		}
	}

	/** Doubles whose 15-digit rounding is a trap: ties (half-even), powers of ten, long fractions, the edges. */
	static final String[][] FLOAT_TRAPS = { { "abc", "0.1234567890123455" }, { "ABC", "0.1234567890123465" },
			{ "Ábc", "999.9999999999999" }, { "abc ", "1000" }, { "a-b", "-123.015625" }, { "a_b", "0.000001" },
			{ "a b", "999999999999999900000" }, { "zz", "123456789012345678" }, { "Zz", "-0.0000012345678901234567" } };

	/** Doubles Java writes in scientific notation. */
	static final String[][] SCIENTIFIC = { { "a_b", "1e-7" }, { "a b", "1e22" } };

	// (the source is opened read-only by Parity; H2 then refuses writes to its file: set it up before)
	private static void setDoubles(Engine.Schema schema, String[][] values) {
		for (String[] value : values) {
			schema.execute("UPDATE matrix SET c_double = " + value[1] + " WHERE k = '" + value[0] + "'");
		}
	}

	private static int columnIndex(ChecksumPlan plan, String name) {
		var columns = plan.compare().pair().columns();
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i).name().equalsIgnoreCase(name)) {
				return i;
			}
		}
		throw new IllegalArgumentException(name);
	}

	private static TableMapping mapping(List<String> ignore) {
		return new TableMapping("matrix", "matrix", "matrix", List.of("k", "n"), null, false, null, ignore);
	}

	private static ChecksumPlan plan(SourceDatabase source, TargetDatabase target, TableMapping mapping) {
		List<ConfigProblem> problems = new ArrayList<>();
		var pairs = new MappingValidator(source, target).resolve(List.of(mapping), List.of(mapping), problems);
		if (!problems.isEmpty()) {
			throw new ConfigException(problems);
		}
		return ChecksumPlan.of(ComparePlan.of(pairs.get(0)), source.dialect(), target.dialect());
	}

	private static Map<String, String> sqlTexts(Database database, ChecksumPlan plan, boolean fromSource, Field<?> value,
			Field<String> canonical) {
		Map<String, String> texts = new LinkedHashMap<>();
		List<Field<?>> keys = plan.compare().keyFields(fromSource);
		for (Record r : database.dsl()
			.select(keys.get(0), keys.get(1), org.jooq.impl.DSL.when(value.isNull(), org.jooq.impl.DSL.inline((String) null))
				.otherwise(canonical))
			.from(fromSource ? plan.compare().pair().source() : plan.compare().pair().target())
			.fetch()) {
			texts.put(r.get(0) + "/" + r.get(1), r.get(2, String.class));
		}
		return new java.util.TreeMap<>(texts);
	}

	private static Map<String, String> javaTexts(Database database, ChecksumPlan plan, boolean fromSource, int column) {
		Map<String, String> texts = new java.util.TreeMap<>();
		for (Object[] row : rows(database, plan, fromSource)) {
			texts.put(row[0] + "/" + row[1], plan.rules().get(column).canonical(row[column]));
		}
		return texts;
	}

	private static Map<String, Long> sqlHashes(Database database, ChecksumPlan plan, boolean fromSource) {
		Map<String, Long> hashes = new java.util.TreeMap<>();
		Checksummer checksummer = new Checksummer(plan, null, null, Runnable::run, 100);
		List<Field<?>> keys = plan.compare().keyFields(fromSource);
		for (Record r : database.dsl()
			.select(keys.get(0), keys.get(1), checksummer.rowHash(database.dialect(), fromSource))
			.from(fromSource ? plan.compare().pair().source() : plan.compare().pair().target())
			.fetch()) {
			hashes.put(r.get(0) + "/" + r.get(1), r.get(2, Long.class));
		}
		return hashes;
	}

	private static Map<String, Long> javaHashes(Database database, ChecksumPlan plan, boolean fromSource) {
		Map<String, Long> hashes = new java.util.TreeMap<>();
		for (Object[] row : rows(database, plan, fromSource)) {
			hashes.put(row[0] + "/" + row[1], RowHash.hash(RowHash.text(plan.rules(), row)));
		}
		return hashes;
	}

	private static List<Object[]> rows(Database database, ChecksumPlan plan, boolean fromSource) {
		List<Object[]> rows = new ArrayList<>();
		try (Database.Streamed streamed = database.stream(RowQueries.ordered(database.dsl(), database.dialect(),
				plan.compare(), fromSource, KeyRange.ALL, null), RowQueries.readers(plan.compare(), fromSource, database), 100)) {
			for (Object[] row = streamed.next(); row != null; row = streamed.next()) {
				rows.add(row);
			}
		}
		return rows;
	}

}
