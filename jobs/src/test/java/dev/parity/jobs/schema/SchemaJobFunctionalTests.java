package dev.parity.jobs.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;

import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.TableMapping;
import dev.parity.core.repository.CheckResultRepository;
import dev.parity.core.repository.Discrepancy;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyStatus;
import dev.parity.core.repository.DiscrepancyType;
import dev.parity.core.repository.SchemaRepository;
import dev.parity.core.run.ParityJobParameters;
import dev.parity.core.schema.SchemaFinding;
import dev.parity.core.schema.SchemaFinding.Severity;
import dev.parity.core.testsupport.ControlDatabase;
import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;
import dev.parity.jobs.JobTestApplication;

/**
 * Schema divergence on real MariaDB (source) and PostgreSQL (target): each way the source schema
 * changes mid-migration gives exactly one conflict or warning; a conflict pauses the table, the
 * counts and diff jobs skip it, and after review (the fix, then resume) it is compared again.
 */
@SpringBatchTest
@SpringBootTest(classes = { JobTestApplication.class, SchemaJobFunctionalTests.Config.class })
@RequiresDatabase({ TestDatabases.MARIADB, TestDatabases.POSTGRES })
class SchemaJobFunctionalTests {

	static TestSchema source;

	static TestSchema target;

	@TestConfiguration
	static class Config {

		@Bean
		ParityConfig parityConfig() {
			source = TestDatabases.MARIADB.freshSchema();
			target = TestDatabases.POSTGRES.freshSchema();
			return new ParityConfig("schema test", source.settings(), target.settings(),
					dev.parity.jobs.JobTestSupport.control("schema"),
					Duration.ofMinutes(5),
					List.of(new TableMapping("items", "items", "items", List.of("id"), null, true, null, null)), null);
		}

	}

	@Autowired
	JobOperatorTestUtils jobs;

	@Autowired
	JobRepositoryTestUtils jobRepositoryTestUtils;

	@Autowired
	Job schemaJob;

	@Autowired
	Job countsJob;

	@Autowired
	Job diffJob;

	@Autowired
	SchemaRepository schemas;

	@Autowired
	DiscrepancyRepository discrepancies;

	@Autowired
	CheckResultRepository results;

	@Autowired
	JdbcTemplate control;

	@AfterAll
	static void dropSchemas() {
		source.close();
		target.close();
	}

	@BeforeEach
	void baseline() {
		jobRepositoryTestUtils.removeJobExecutions();
		ControlDatabase.clear(control);
		source.execute("DROP TABLE IF EXISTS items",
				"CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(50), code VARCHAR(10), price DECIMAL(10,2),"
						+ " created DATETIME(0), note VARCHAR(20) NOT NULL, qty INT)",
				"INSERT INTO items VALUES (1, 'a', '11', 1.50, '2026-01-01 00:00:00', 'n', 1),"
						+ " (2, 'b', '22', 2.50, '2026-01-02 00:00:00', 'n', 2)");
		target.execute("DROP TABLE IF EXISTS items",
				"CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(50), code VARCHAR(10), price NUMERIC(10,2),"
						+ " created TIMESTAMP(0), note VARCHAR(20) NOT NULL, qty BIGINT)",
				"INSERT INTO items VALUES (1, 'a', '11', 1.50, '2026-01-01 00:00:00', 'n', 1),"
						+ " (2, 'b', '22', 2.50, '2026-01-02 00:00:00', 'n', 2)");
	}

	static Stream<Arguments> changes() {
		return Stream.of(
				Arguments.of("a mapped column dropped", "ALTER TABLE items DROP COLUMN code",
						"ALTER TABLE items ADD COLUMN code VARCHAR(10) AFTER name", Severity.CONFLICT, "code",
						"mapped column missing in the source"),
				Arguments.of("text to number", "ALTER TABLE items MODIFY code INT", "ALTER TABLE items MODIFY code VARCHAR(10)",
						Severity.CONFLICT, "code", "type changed: number vs text"),
				Arguments.of("length widened beyond the target", "ALTER TABLE items MODIFY name VARCHAR(100)",
						"ALTER TABLE items MODIFY name VARCHAR(50)", Severity.CONFLICT, "name",
						"length narrowed: target 50 < source 100"),
				Arguments.of("precision and scale beyond the target", "ALTER TABLE items MODIFY price DECIMAL(12,4)",
						"ALTER TABLE items MODIFY price DECIMAL(10,2)", Severity.CONFLICT, "price",
						"precision or scale narrowed: target (10,2) < source (12,4)"),
				Arguments.of("timestamp precision beyond the target", "ALTER TABLE items MODIFY created DATETIME(6)",
						"ALTER TABLE items MODIFY created DATETIME(0)", Severity.CONFLICT, "created",
						"timestamp losing precision: target 0 < source 6 fractional digits"),
				Arguments.of("nulls where the target is NOT NULL",
						"ALTER TABLE items MODIFY note VARCHAR(20) NULL; UPDATE items SET note = NULL WHERE id = 1",
						"UPDATE items SET note = 'n' WHERE id = 1", Severity.CONFLICT, "note",
						"target is NOT NULL but the source holds NULLs"),
				Arguments.of("a new source column", "ALTER TABLE items ADD COLUMN extra INT",
						"ALTER TABLE items DROP COLUMN extra", Severity.CONFLICT, "extra",
						"new source column neither mapped nor ignored"),
				Arguments.of("a key column changed", "ALTER TABLE items MODIFY id BIGINT", null, Severity.CONFLICT, "id",
						"key column changed: source integer not null -> bigint not null"),
				Arguments.of("a compatible widening", "ALTER TABLE items MODIFY qty BIGINT", null, Severity.WARNING, "qty",
						"compatible change: source integer -> bigint"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("changes")
	void eachChangeIsOneFindingAndAConflictPausesTheTableUntilResumed(String name, String change, String fix,
			Severity severity, String column, String expectedChange) throws Exception {
		// given: a first check that found nothing and took the snapshot
		assertThat(findings(run(schemaJob))).isEmpty();

		// when the source schema changes
		source.execute(change.split("; "));
		Ran check = run(schemaJob);

		// then: exactly one finding
		assertThat(findings(check)).singleElement().satisfies((f) -> {
			assertThat(f.severity()).isEqualTo(severity);
			assertThat(f.column()).isEqualToIgnoringCase(column);
			assertThat(f.change()).startsWith(expectedChange);
		});
		if (severity == Severity.WARNING) {
			assertThat(schemas.isPaused("items")).isFalse();
			assertThat(discrepancies.find(DiscrepancyStatus.OPEN)).isEmpty();
			assertThat(results.findCounts(runId(run(countsJob)))).hasSize(1);
			return;
		}
		assertThat(discrepancies.find(DiscrepancyStatus.OPEN)).singleElement().satisfies((d) -> {
			assertThat(d.type()).isEqualTo(DiscrepancyType.SCHEMA_CONFLICT);
			assertThat(d.column()).isEqualToIgnoringCase(column);
			assertThat(d.detail()).startsWith(expectedChange);
			assertThat(d.critical()).isTrue();
		});
		assertThat(schemas.isPaused("items")).isTrue();

		// and the other jobs skip the paused table
		assertThat(results.findCounts(runId(run(countsJob)))).isEmpty();
		Ran diff = run(diffJob);
		assertThat(control.queryForObject("SELECT COUNT(*) FROM parity_check_result WHERE run_id = ?", Integer.class,
				runId(diff))).isZero();

		// when the operator has reviewed (and fixed what needed fixing) and resumes
		if (fix != null) {
			source.execute(fix.split("; "));
		}
		assertThat(schemas.resume("items", "alice", java.time.Instant.now())).isPresent();

		// then the table is compared again and its conflict is resolved
		Ran counts = run(countsJob);
		assertThat(results.findCounts(runId(counts))).singleElement().satisfies((r) -> assertThat(r.passed()).isTrue());
		assertThat(schemas.isPaused("items")).isFalse();
		assertThat(discrepancies.find(null)).filteredOn((d) -> d.type() == DiscrepancyType.SCHEMA_CONFLICT)
			.extracting(Discrepancy::status)
			.containsExactly(DiscrepancyStatus.RESOLVED);
	}

	// Not a method returning JobExecution: @SpringBatchTest's scope listeners would call it.
	private Ran run(Job job) throws Exception {
		jobs.setJob(job);
		JobExecution execution = jobs.startJob(dev.parity.jobs.JobTestSupport.launch());
		assertThat(execution.getStatus()).as(job.getName()).isEqualTo(BatchStatus.COMPLETED);
		return new Ran(execution);
	}

	record Ran(JobExecution execution) {
	}

	private static long runId(Ran ran) {
		return ran.execution().getExecutionContext().getLong(ParityJobParameters.RUN_ID);
	}

	private List<SchemaFinding> findings(Ran ran) {
		return schemas.findings(runId(ran));
	}

}
