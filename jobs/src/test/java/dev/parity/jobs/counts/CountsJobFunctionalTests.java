package dev.parity.jobs.counts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.TableMapping;
import dev.parity.core.config.Thresholds;
import dev.parity.core.repository.CheckResultRepository;
import dev.parity.core.repository.CountRow;
import dev.parity.core.repository.Discrepancy;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyStatus;
import dev.parity.core.repository.DiscrepancyType;
import dev.parity.core.repository.LagRepository.LagPoint;
import dev.parity.core.run.ParityJobParameters;
import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;
import dev.parity.jobs.JobTestApplication;

/**
 * {@code countsJob} on real MariaDB (source) and PostgreSQL (target), with planted count differences,
 * rows in flight and a lagging table. The control database is the embedded H2 default.
 */
@SpringBatchTest
@SpringBootTest(classes = { JobTestApplication.class, CountsJobFunctionalTests.Config.class },
		properties = "parity.counts.tables-per-chunk=2")
@RequiresDatabase({ TestDatabases.MARIADB, TestDatabases.POSTGRES })
class CountsJobFunctionalTests {

	private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	static TestSchema source;

	static TestSchema target;

	static dev.parity.core.cutover.LocalHttp webhook;

	@TestConfiguration
	static class Config {

		@Bean
		ParityConfig parityConfig() {
			source = TestDatabases.MARIADB.freshSchema();
			target = TestDatabases.POSTGRES.freshSchema();
			try {
				webhook = new dev.parity.core.cutover.LocalHttp((r) -> new dev.parity.core.cutover.LocalHttp.Answer(200, ""));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			return new ParityConfig("counts test", source.settings(), target.settings(),
					dev.parity.jobs.JobTestSupport.control("counts"),
					Duration.ofMinutes(5),
					List.of(table("accounts", null), table("orders", null), table("events", "updated_at"),
							table("payments", "updated_at")),
					new Thresholds(0.0001, Duration.ofMinutes(15)), null, null, null, null, null, null, null, null,
					new dev.parity.core.config.CutoverSettings(null, null, null,
							new dev.parity.core.config.WebhookSettings(webhook.url("/lag"), 0, null, null), null));
		}

		private static TableMapping table(String name, String updated) {
			return new TableMapping(name, name, name, List.of("id"), updated, name.equals("orders"), null, null);
		}

	}

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	CheckResultRepository results;

	@Autowired
	DiscrepancyRepository discrepancies;

	@Autowired
	JdbcTemplate control;

	@AfterAll
	static void dropSchemas() {
		source.close();
		target.close();
		webhook.close();
	}

	@Autowired
	dev.parity.core.repository.LagRepository lags;

	@Autowired
	org.springframework.batch.test.JobRepositoryTestUtils jobRepositoryTestUtils;

	@Autowired
	org.springframework.batch.core.job.Job countsJob;

	@BeforeEach
	void plant() {
		webhook.requests().clear();
		jobOperatorTestUtils.setJob(countsJob);
		jobRepositoryTestUtils.removeJobExecutions();
		dev.parity.core.testsupport.ControlDatabase.clear(control);
		LocalDateTime now = LocalDateTime.parse(String.valueOf(
				source.queryLong("SELECT CAST(DATE_FORMAT(NOW(), '%Y%m%d%H%i%s') AS UNSIGNED)")),
				DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
		for (TestSchema side : List.of(source, target)) {
			side.execute("DROP TABLE IF EXISTS accounts", "DROP TABLE IF EXISTS orders", "DROP TABLE IF EXISTS events",
					"DROP TABLE IF EXISTS payments",
					"CREATE TABLE accounts (id INT PRIMARY KEY, owner VARCHAR(20))",
					"CREATE TABLE orders (id INT PRIMARY KEY, amount DECIMAL(10,2))",
					"CREATE TABLE events (id INT PRIMARY KEY, updated_at TIMESTAMP NULL)",
					"CREATE TABLE payments (id INT PRIMARY KEY, updated_at TIMESTAMP NULL)");
			side.execute(insert("accounts", 1, 100, (i) -> i + ", 'owner" + i + "'"));
		}
		// given: 5 orders lost on the target
		source.execute(insert("orders", 1, 200, (i) -> i + ", " + i + ".50"));
		target.execute(insert("orders", 1, 195, (i) -> i + ", " + i + ".50"));
		// given: 100 settled events on both, 5 fresh on the source and 2 of them already on the target
		for (TestSchema side : List.of(source, target)) {
			side.execute(insert("events", 1, 100, (i) -> i + ", " + ts(now.minusDays(1).plusMinutes(i))));
		}
		source.execute(insert("events", 101, 105, (i) -> i + ", " + ts(now.minusSeconds(10))));
		target.execute(insert("events", 101, 102, (i) -> i + ", " + ts(now.minusSeconds(10))));
		// given: payments replicate an hour late; the newest 40 (20..59 minutes old) are not on the target yet
		source.execute(insert("payments", 1, 100, (i) -> i + ", " + ts(now.minusMinutes(120 - i))));
		target.execute(insert("payments", 1, 60, (i) -> i + ", " + ts(now.minusMinutes(120 - i))));
	}

	private static String insert(String table, int from, int to, java.util.function.IntFunction<String> row) {
		return "INSERT INTO " + table + " VALUES " + IntStream.rangeClosed(from, to)
			.mapToObj((i) -> "(" + row.apply(i) + ")")
			.collect(Collectors.joining(", "));
	}

	private static String ts(LocalDateTime time) {
		return "'" + SQL_TIME.format(time) + "'";
	}

	@Test
	void countsEveryTableAndJudgesSettledRowsOnly() throws Exception {
		// when
		JobExecution execution = jobOperatorTestUtils.startJob(dev.parity.jobs.JobTestSupport.launch());

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long runId = execution.getExecutionContext().getLong(ParityJobParameters.RUN_ID);
		assertThat(results.findCounts(runId)).extracting(CountRow::table, CountRow::sourceCount, CountRow::targetCount,
				CountRow::sourceInFlight, CountRow::targetInFlight, CountRow::passed)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("accounts", 100L, 100L, 0L, 0L, true),
					org.assertj.core.groups.Tuple.tuple("events", 100L, 100L, 5L, 2L, true),
					org.assertj.core.groups.Tuple.tuple("orders", 200L, 195L, 0L, 0L, false),
					org.assertj.core.groups.Tuple.tuple("payments", 100L, 60L, 0L, 0L, false));
		CountRow orders = results.findCounts(runId).get(2);
		assertThat(orders.variance()).isEqualTo(0.025);
		assertThat(orders.threshold()).isEqualTo(0.0001);
		CountRow payments = results.findCounts(runId).get(3);
		assertThat(payments.lagSeconds()).isBetween(2390L, 2410L);
		assertThat(results.lagAlertsFor(runId)).isEqualTo(1);
		// replication lag per table with an updated-column, recorded by the run; a webhook for payments only
		assertThat(lags.ofRun(runId)).extracting(LagPoint::table, LagPoint::measuredBy, LagPoint::alerted)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("events", "watermark", false),
					org.assertj.core.groups.Tuple.tuple("payments", "watermark", true));
		assertThat(lags.ofRun(runId).get(0).lag()).isEqualTo(Duration.ZERO);
		assertThat(lags.ofRun(runId).get(1).lag().toSeconds()).isBetween(2390L, 2410L);
		assertThat(webhook.requests()).singleElement()
			.satisfies((r) -> assertThat(r.body()).contains("\"event\":\"replication-lag\"", "\"table\":\"payments\"",
					"\"thresholdSeconds\":900"));
		assertThat(discrepancies.find(DiscrepancyStatus.OPEN))
			.extracting(Discrepancy::table, Discrepancy::type, Discrepancy::source, Discrepancy::target,
					Discrepancy::critical)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("orders", DiscrepancyType.COUNT_MISMATCH, "200", "195", true),
					org.assertj.core.groups.Tuple.tuple("payments", DiscrepancyType.COUNT_MISMATCH, "100", "60", false));
	}

	@Test
	void aSecondRunUpdatesAndResolvesInsteadOfDuplicating() throws Exception {
		// given
		long first = jobOperatorTestUtils.startJob(dev.parity.jobs.JobTestSupport.launch()).getExecutionContext().getLong(ParityJobParameters.RUN_ID);
		target.execute(insert("orders", 196, 200, (i) -> i + ", " + i + ".50"));

		// when
		JobExecution second = jobOperatorTestUtils.startJob(dev.parity.jobs.JobTestSupport.launch());

		// then
		assertThat(second.getExecutionContext().getLong(ParityJobParameters.RUN_ID)).isNotEqualTo(first);
		assertThat(discrepancies.find(null)).filteredOn((d) -> d.table().equals("orders"))
			.singleElement()
			.extracting(Discrepancy::status)
			.isEqualTo(DiscrepancyStatus.RESOLVED);
		assertThat(discrepancies.find(null)).filteredOn((d) -> d.table().equals("payments"))
			.singleElement()
			.satisfies((d) -> assertThat(d.lastSeen()).isAfter(d.firstSeen()));
		assertThat(control.queryForObject("SELECT COUNT(*) FROM parity_observation o JOIN parity_discrepancy d"
				+ " ON d.id = o.discrepancy_id WHERE d.table_name = 'payments'", Integer.class)).isEqualTo(2);
	}

	// A chunk (two tables here) that fails after part of its writes rolls back whole, the tables of
	// the chunk before it stay committed; the restart continues at the failed chunk's first table, in
	// the same run, and nothing is duplicated or lost.
	@Test
	void aFailedChunkRestartsWithoutDuplicatesOrLoss() throws Exception {
		// given: the control database refuses the payments discrepancy, after the check results of
		// events (the same chunk) and payments were written
		control.execute("ALTER TABLE parity_discrepancy ADD CONSTRAINT refuse_payments CHECK (table_name <> 'payments')");
		JobExecution failed;
		try {
			failed = jobOperatorTestUtils.startJob(dev.parity.jobs.JobTestSupport.launch());
		}
		finally {
			control.execute("ALTER TABLE parity_discrepancy DROP CONSTRAINT refuse_payments");
		}
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		long runId = failed.getExecutionContext().getLong(ParityJobParameters.RUN_ID);
		assertThat(results.findCounts(runId)).extracting(CountRow::table).containsExactly("accounts", "orders");
		Timestamp accountsCheckedAt = checkedAt(runId, "accounts");
		Timestamp ordersCheckedAt = checkedAt(runId, "orders");
		assertThat(discrepancies.find(DiscrepancyStatus.OPEN)).extracting(Discrepancy::table).containsExactly("orders");

		// when
		JobExecution restarted = jobOperatorTestUtils.getJobOperator().restart(failed);

		// then
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getExecutionContext().getLong(ParityJobParameters.RUN_ID)).isEqualTo(runId);
		assertThat(results.findCounts(runId)).extracting(CountRow::table)
			.containsExactly("accounts", "events", "orders", "payments");
		assertThat(checkedAt(runId, "accounts")).as("accounts was not counted again").isEqualTo(accountsCheckedAt);
		assertThat(checkedAt(runId, "orders")).as("orders was not counted again").isEqualTo(ordersCheckedAt);
		assertThat(control.queryForObject("SELECT COUNT(*) FROM parity_check_result WHERE run_id = ?", Integer.class,
				runId)).isEqualTo(4);
		assertThat(discrepancies.find(DiscrepancyStatus.OPEN)).extracting(Discrepancy::table)
			.containsExactlyInAnyOrder("orders", "payments");
		assertThat(control.queryForObject("SELECT COUNT(*) FROM parity_observation WHERE run_id = ?", Integer.class,
				runId)).isEqualTo(2);
	}

	private Timestamp checkedAt(long runId, String table) {
		return control.queryForObject("SELECT checked_at FROM parity_check_result WHERE run_id = ? AND table_name = ?",
				Timestamp.class, runId, table);
	}

}
