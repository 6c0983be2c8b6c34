package dev.parity.core.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

import dev.parity.core.config.ConnectionSettings;
import dev.parity.core.config.ExitCriteriaSettings;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.SlaSettings;
import dev.parity.core.config.TableMapping;
import dev.parity.core.connect.DatabaseConnector;
import dev.parity.core.repository.CheckResultRepository;
import dev.parity.core.repository.CountResult;
import dev.parity.core.repository.DiffRepository;
import dev.parity.core.repository.DiffStats;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyType;
import dev.parity.core.repository.Finding;
import dev.parity.core.repository.RunRepository;
import dev.parity.core.repository.SlaRepository;

/** The exit criteria, evaluated over a control database (embedded H2) with a fixed clock. */
class ExitCriteriaTests {

	static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	HikariDataSource pool;

	DSLContext dsl;

	RunRepository runs;

	CheckResultRepository results;

	DiffRepository diffs;

	DiscrepancyRepository discrepancies;

	SlaRepository sla;

	@BeforeEach
	void control() {
		pool = DatabaseConnector.control(new ConnectionSettings("jdbc:h2:mem:exit" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "", 2));
		Flyway.configure().dataSource(pool).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
		dsl = DSL.using(pool, SQLDialect.H2);
		runs = new RunRepository(dsl);
		results = new CheckResultRepository(dsl);
		diffs = new DiffRepository(dsl);
		discrepancies = new DiscrepancyRepository(dsl);
		sla = new SlaRepository(dsl);
	}

	@AfterEach
	void close() {
		pool.close();
	}

	private ExitCriteria criteria() {
		ConnectionSettings unused = new ConnectionSettings("jdbc:h2:mem:unused", null, null, null);
		ParityConfig config = new ParityConfig("t", unused, unused, null, null,
				List.of(new TableMapping("a", "a", "a", null, null, true, null, null),
						new TableMapping("b", "b", "b", null, null, false, null, null)),
				null, null, new ExitCriteriaSettings(30, 0.0001, 0.999), new SlaSettings(Duration.ofMillis(250), null), null,
				null, null, null);
		return new ExitCriteria(config, results, discrepancies, runs, sla, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private long run(long instance, Instant at) {
		return runs.startOrResume("job", instance, "test", null, at);
	}

	private void counts(long run, String table, long source, long target, Instant at) {
		results.saveCounts(run, new CountResult(table, false, source, target, 0, 0, CountResult.variance(source, target),
				0.0001, null, null, Duration.ZERO), at);
	}

	private void diff(long run, String table, long fields, long mismatched, Instant at) {
		diffs.saveResult(run, new DiffStats(table, 100, 100, 0, fields, mismatched), 0.999, Duration.ZERO, at);
	}

	@Test
	void readyWhenEveryCriterionHoldsAndSinceIsTheStartOfTheStreak() {
		Instant start = NOW.minus(Duration.ofDays(40));
		long first = run(1, start);
		counts(first, "a", 1000, 990, start);
		counts(first, "b", 10, 10, start);
		long second = run(2, NOW.minus(Duration.ofDays(35)));
		counts(second, "a", 1000, 1000, NOW.minus(Duration.ofDays(35)));
		counts(second, "b", 10, 10, NOW.minus(Duration.ofDays(35)));
		diff(second, "a", 100_000, 50, NOW.minus(Duration.ofDays(35)));
		diff(second, "b", 100_000, 0, NOW.minus(Duration.ofDays(35)));
		sla.record(new SlaRepository.Sample(NOW.minus(Duration.ofDays(2)), 240, "test"));
		sla.record(new SlaRepository.Sample(NOW.minus(Duration.ofDays(1)), 120, "test"));

		Readiness readiness = criteria().evaluate();

		assertThat(readiness.criteria()).extracting(Criterion::name, Criterion::measured, Criterion::passed, Criterion::since)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("critical defects", "none open; 40 days without", true, start),
					org.assertj.core.groups.Tuple.tuple("record-count variance (every table)", "0.0000 % max (a)", true,
							NOW.minus(Duration.ofDays(35))),
					org.assertj.core.groups.Tuple.tuple("field match rate (every table)", "99.9500 % min (a)", true,
							NOW.minus(Duration.ofDays(35))),
					org.assertj.core.groups.Tuple.tuple("target response time at peak (p95)", "240 ms peak of 2 samples", true,
							NOW.minus(Duration.ofDays(2))));
		assertThat(readiness.verdict()).isEqualTo("READY");
	}

	@Test
	void aCriticalDefectRestartsTheCountAndMissingMeasurementsFail() {
		long first = run(1, NOW.minus(Duration.ofDays(60)));
		long id = discrepancies.record(first, new Finding("a", null, DiscrepancyType.COUNT_MISMATCH, null, "1", "2", true),
				NOW.minus(Duration.ofDays(59)));
		assertThat(criteria().criticalDefects(NOW).measured()).isEqualTo("1 open");
		discrepancies.resolveUnseen("a", List.of(DiscrepancyType.COUNT_MISMATCH), run(2, NOW.minus(Duration.ofDays(10))),
				"test", NOW.minus(Duration.ofDays(10)));
		assertThat(id).isPositive();

		Readiness readiness = criteria().evaluate();

		assertThat(readiness.criteria().get(0)).extracting(Criterion::measured, Criterion::passed)
			.containsExactly("none open; 10 days without", false);
		assertThat(readiness.criteria().get(1).measured()).isEqualTo("no counts result for a, b");
		assertThat(readiness.criteria().get(2).measured()).isEqualTo("no diff result for a, b");
		assertThat(readiness.criteria().get(3).measured()).startsWith("no samples in the last 30 days");
		assertThat(readiness.verdict()).isEqualTo("NOT READY");
	}

	@Test
	void theLatestResultOfEveryTableIsJudged() {
		long first = run(1, NOW.minus(Duration.ofDays(3)));
		counts(first, "a", 1000, 1000, NOW.minus(Duration.ofDays(3)));
		counts(first, "b", 10, 10, NOW.minus(Duration.ofDays(3)));
		long second = run(2, NOW.minus(Duration.ofDays(1)));
		counts(second, "b", 10, 9, NOW.minus(Duration.ofDays(1)));
		sla.record(new SlaRepository.Sample(NOW.minus(Duration.ofHours(3)), 400, "test"));

		Readiness readiness = criteria().evaluate();

		assertThat(readiness.criteria().get(1)).extracting(Criterion::measured, Criterion::passed, Criterion::since)
			.containsExactly("10.0000 % max (b)", false, null);
		assertThat(readiness.criteria().get(3)).extracting(Criterion::measured, Criterion::passed)
			.containsExactly("400 ms peak of 1 samples", false);
	}

}
