package dev.parity.jobs.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import dev.parity.core.mapping.Catalogs;
import dev.parity.core.mapping.TablePairResolver;
import dev.parity.core.repository.Discrepancy;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyStatus;
import dev.parity.core.repository.DiscrepancyType;
import dev.parity.core.run.ParityJobParameters;
import dev.parity.core.testsupport.ControlDatabase;
import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;
import dev.parity.jobs.JobTestApplication;

/**
 * Many table pairs in one run, on real MariaDB (source) and PostgreSQL (target): each database's catalog
 * is read once per run — shared by the pre-run validation, {@code schemaStep} and the job's own steps —
 * whatever the number of tables, and read again by the next run (a schema change between runs is seen).
 */
@SpringBatchTest
@SpringBootTest(classes = { JobTestApplication.class, ManyTablesFunctionalTests.Config.class })
@RequiresDatabase({ TestDatabases.MARIADB, TestDatabases.POSTGRES })
class ManyTablesFunctionalTests {

	static final int TABLES = 40;

	static TestSchema source;

	static TestSchema target;

	@TestConfiguration
	static class Config {

		@Bean
		ParityConfig parityConfig() {
			source = TestDatabases.MARIADB.freshSchema();
			target = TestDatabases.POSTGRES.freshSchema();
			tables();
			return new ParityConfig("many tables test", source.settings(), target.settings(),
					dev.parity.jobs.JobTestSupport.control("many"), Duration.ofMinutes(5),
					IntStream.rangeClosed(1, TABLES)
						.mapToObj((i) -> new TableMapping(name(i), name(i), name(i), null, null, false, null, null))
						.toList(),
					null);
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
	Job checksumJob;

	@Autowired
	Catalogs catalogs;

	@Autowired
	TablePairResolver resolver;

	@Autowired
	DiscrepancyRepository discrepancies;

	@Autowired
	JdbcTemplate control;

	static String name(int i) {
		return String.format("many_%02d", i);
	}

	static void tables() {
		for (int i = 1; i <= TABLES; i++) {
			// a key that is not the first column and a DATETIME(6) whose precision jOOQ leaves unset on MariaDB
			source.execute("CREATE TABLE " + name(i) + " (code VARCHAR(20) NOT NULL, id INT NOT NULL, created DATETIME(6),"
					+ " PRIMARY KEY (id))",
					"INSERT INTO " + name(i) + " VALUES ('a', 1, '2026-01-01 10:00:00.123456'), ('b', 2, NULL)");
			target.execute("CREATE TABLE " + name(i) + " (code VARCHAR(20) NOT NULL, id BIGINT PRIMARY KEY,"
					+ " created TIMESTAMP(6))",
					"INSERT INTO " + name(i) + " VALUES ('a', 1, '2026-01-01 10:00:00.123456'), ('b', 2, NULL)");
		}
		// one microsecond off in one table: found only if that table's precision was read (6, not 0)
		target.execute("UPDATE " + name(7) + " SET created = '2026-01-01 10:00:00.123457' WHERE id = 1");
	}

	@AfterAll
	static void dropSchemas() {
		source.close();
		target.close();
	}

	@BeforeEach
	void clean() {
		jobRepositoryTestUtils.removeJobExecutions();
		ControlDatabase.clear(control);
		catalogs.forget();
	}

	@Test
	void thePreflightAndEveryStepOfARunShareOneCatalogReadPerDatabase() throws Exception {
		// given
		int before = catalogs.reads();

		// when: the CLI's pre-run validation, then the run (schemaStep, then countsStep's table pairs)
		resolver.preflight(List.of());
		Ran counts = run(countsJob);

		// then: one schema read on each side for all 40 tables, and every table counted
		assertThat(catalogs.reads() - before).isEqualTo(2);
		assertThat(control.queryForObject("SELECT COUNT(*) FROM parity_check_result WHERE run_id = ?", Integer.class,
				runId(counts))).isEqualTo(TABLES);
		assertThat(control.queryForObject("SELECT COUNT(*) FROM parity_schema_snapshot", Integer.class))
			.isEqualTo(TABLES);
	}

	@Test
	void aDiffAndAChecksumReadEachCatalogOncePerRun() throws Exception {
		// when
		int before = catalogs.reads();
		Ran diff = run(diffJob);
		int afterDiff = catalogs.reads();
		Ran checksum = run(checksumJob);

		// then
		assertThat(afterDiff - before).as("diffJob").isEqualTo(2);
		assertThat(catalogs.reads() - afterDiff).as("checksumJob").isEqualTo(2);
		assertThat(discrepancies.find(DiscrepancyStatus.OPEN))
			.extracting(Discrepancy::table, Discrepancy::type, Discrepancy::column)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(name(7), DiscrepancyType.FIELD_MISMATCH, "created"));
		for (Ran execution : List.of(diff, checksum)) {
			assertThat(control.queryForObject("SELECT COUNT(DISTINCT table_name) FROM parity_check_result WHERE run_id = ?",
					Integer.class, runId(execution))).isEqualTo(TABLES);
		}
	}

	@Test
	void theNextRunSeesASchemaChangeMadeAfterTheLastOne() throws Exception {
		// given
		run(schemaJob);
		target.execute("ALTER TABLE " + name(3) + " ADD COLUMN extra INT");
		try {
			// when
			run(schemaJob);

			// then
			assertThat(discrepancies.find(DiscrepancyStatus.OPEN))
				.filteredOn((d) -> d.type() == DiscrepancyType.SCHEMA_CONFLICT)
				.extracting(Discrepancy::table)
				.containsExactly(name(3));
		}
		finally {
			target.execute("ALTER TABLE " + name(3) + " DROP COLUMN extra");
		}
	}

	// The 40 small tables share one diff partition, compared table by table; a failure at the 20th table
	// restarts that partition at the 20th table: the 19 before it are not read again, none is skipped,
	// no row is counted twice and every discrepancy is found once, before or after the failure.
	@Test
	void aFailedGroupedDiffPartitionRestartsAtTheTableThatFailed() throws Exception {
		// given: a second difference after the failing table, and the control database refusing many_20's progress
		target.execute("UPDATE " + name(30) + " SET code = 'z' WHERE id = 2");
		control.execute("ALTER TABLE parity_diff_progress ADD CONSTRAINT refuse_many_20"
				+ " CHECK (partition_name <> '" + name(20) + ":00000')");
		JobExecution failed;
		try {
			jobs.setJob(diffJob);
			try {
				failed = jobs.startJob(dev.parity.jobs.JobTestSupport.launch());
			}
			finally {
				control.execute("ALTER TABLE parity_diff_progress DROP CONSTRAINT refuse_many_20");
			}
			assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
			long runId = failed.getExecutionContext().getLong(ParityJobParameters.RUN_ID);
			assertThat(control.queryForList("SELECT partition_name FROM parity_diff_progress WHERE run_id = ?"
					+ " ORDER BY partition_name", String.class, runId))
				.containsExactlyElementsOf(IntStream.rangeClosed(1, 19).mapToObj((i) -> name(i) + ":00000").toList());
			assertThat(failed.getStepExecutions()).filteredOn((s) -> s.getStepName().startsWith("diffPartitionStep"))
				.as("one partition for the 40 tables")
				.hasSize(1);

			// when
			JobExecution restarted = jobs.getJobOperator().restart(failed);

			// then
			assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(restarted.getExecutionContext().getLong(ParityJobParameters.RUN_ID)).isEqualTo(runId);
			assertThat(control.queryForObject("SELECT COUNT(DISTINCT partition_name) FROM parity_diff_progress"
					+ " WHERE run_id = ?", Integer.class, runId)).isEqualTo(TABLES);
			assertThat(control.queryForObject("SELECT SUM(rows_seen) FROM parity_diff_progress WHERE run_id = ?",
					Long.class, runId)).as("no row counted twice").isEqualTo(2L * TABLES);
			assertThat(control.queryForObject("SELECT COUNT(DISTINCT table_name) FROM parity_check_result WHERE run_id = ?",
					Integer.class, runId)).isEqualTo(TABLES);
			assertThat(discrepancies.find(DiscrepancyStatus.OPEN))
				.extracting(Discrepancy::table, Discrepancy::column)
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(name(7), "created"),
						org.assertj.core.groups.Tuple.tuple(name(30), "code"));
			assertThat(control.queryForObject("SELECT COUNT(*) FROM parity_observation WHERE run_id = ?", Integer.class,
					runId)).as("each found once").isEqualTo(2);
		}
		finally {
			target.execute("UPDATE " + name(30) + " SET code = 'b' WHERE id = 2");
		}
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

}
