package dev.parity.jobs.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

import dev.parity.core.config.DiffSettings;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.TableMapping;
import dev.parity.core.config.Thresholds;
import dev.parity.core.repository.DiffRepository;
import dev.parity.core.repository.DiffStats;
import dev.parity.core.repository.Discrepancy;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyStatus;
import dev.parity.core.run.ParityJobParameters;
import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;
import dev.parity.jobs.JobTestApplication;

/**
 * {@code diffJob} on real MariaDB (source) and PostgreSQL (target): planted discrepancies of every
 * type, renamed and transformed columns, composite and string keys, a row in flight, several
 * partitions run in parallel, and a restart from the last committed chunk of a failed partition.
 */
@SpringBatchTest
@SpringBootTest(classes = { JobTestApplication.class, DiffJobFunctionalTests.Config.class })
@RequiresDatabase({ TestDatabases.MARIADB, TestDatabases.POSTGRES })
class DiffJobFunctionalTests {

	static TestSchema source;

	static TestSchema target;

	@TestConfiguration
	static class Config {

		@Bean
		ParityConfig parityConfig() {
			source = TestDatabases.MARIADB.freshSchema();
			target = TestDatabases.POSTGRES.freshSchema();
			TableMapping customers = new TableMapping("customers", "customers", "customer", List.of("id"), "updated_at",
					true, Map.of("full_name", "name", "balance", "balance_cents / 100.0"), List.of("loaded_at"));
			TableMapping orders = new TableMapping("orders", "orders", "orders", List.of("customer_id", "order_no"), null,
					false, null, null);
			TableMapping products = new TableMapping("products", "products", "products", List.of("sku"), null, false, null,
					null);
			return new ParityConfig("diff test", source.settings(), target.settings(),
					dev.parity.jobs.JobTestSupport.control("diff"),
					Duration.ofMinutes(5), List.of(customers, orders, products), Thresholds.DEFAULTS,
					new DiffSettings(2, 100, 40, 7, 25));
		}

	}

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JobRepositoryTestUtils jobRepositoryTestUtils;

	@Autowired
	Job diffJob;

	@Autowired
	DiscrepancyRepository discrepancies;

	@Autowired
	DiffRepository diffs;

	@Autowired
	JdbcTemplate control;

	@Autowired
	dev.parity.core.repository.LagRepository lags;

	@Autowired
	dev.parity.core.repository.RunRepository runs;

	@AfterAll
	static void dropSchemas() {
		source.close();
		target.close();
	}

	@BeforeEach
	void plant() {
		jobOperatorTestUtils.setJob(diffJob);
		jobRepositoryTestUtils.removeJobExecutions();
		dev.parity.core.testsupport.ControlDatabase.clear(control);
		String now = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(LocalDateTime.parse(
				String.valueOf(source.queryLong("SELECT CAST(DATE_FORMAT(NOW(), '%Y%m%d%H%i%s') AS UNSIGNED)")),
				DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));
		source.execute("DROP TABLE IF EXISTS customers", "DROP TABLE IF EXISTS orders", "DROP TABLE IF EXISTS products",
				"CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40), email VARCHAR(60), balance_cents BIGINT,"
						+ " updated_at DATETIME(6))",
				"INSERT INTO customers " + IntStream.rangeClosed(1, 1000)
					.mapToObj((i) -> "SELECT " + i + ", 'Customer " + i + "', 'c" + i + "@example.org', " + (i * 137)
							+ ", '2026-01-01 00:00:00'")
					.collect(Collectors.joining(" UNION ALL ")),
				"CREATE TABLE orders (customer_id INT, order_no INT, amount DECIMAL(10,2), PRIMARY KEY (customer_id, order_no))",
				"INSERT INTO orders " + IntStream.rangeClosed(1, 300)
					.mapToObj((i) -> "SELECT " + (i % 10) + ", " + i + ", " + i + ".50")
					.collect(Collectors.joining(" UNION ALL ")),
				"CREATE TABLE products (sku VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin PRIMARY KEY,"
						+ " title VARCHAR(40))",
				"INSERT INTO products VALUES ('abc', 'Mug'), ('ABC', 'Mug L'), ('Ábc', 'Café mug'), ('abc ', 'Mug space'),"
						+ " ('a-b', 'Dash'), ('a_b', 'Under'), ('zz', 'Teapot')",
				// in flight: changed on the source a moment ago, not yet replicated
				"UPDATE customers SET email = 'new200@example.org', updated_at = '" + now + "' WHERE id = 200");
		target.execute("DROP TABLE IF EXISTS customer", "DROP TABLE IF EXISTS orders", "DROP TABLE IF EXISTS products",
				"CREATE TABLE customer (id INT PRIMARY KEY, full_name VARCHAR(40), email VARCHAR(60), balance NUMERIC(12,2),"
						+ " updated_at TIMESTAMP(6), loaded_at TIMESTAMP)",
				"INSERT INTO customer SELECT i, 'Customer ' || i, 'c' || i || '@example.org', i * 137 / 100.0,"
						+ " TIMESTAMP '2026-01-01 00:00:00', now() FROM generate_series(1, 1000) i",
				"UPDATE customer SET balance = balance + 1 WHERE id = 7",
				"UPDATE customer SET email = 'c42@example.com' WHERE id = 42",
				"DELETE FROM customer WHERE id = 100",
				"INSERT INTO customer VALUES (5000, 'Ghost', 'ghost@example.org', 0, TIMESTAMP '2026-01-01 00:00:00', now())",
				"CREATE TABLE orders (customer_id INT, order_no INT, amount NUMERIC(10,2))",
				"INSERT INTO orders SELECT i % 10, i, i + 0.5 FROM generate_series(1, 300) i",
				"DELETE FROM orders WHERE customer_id = 3 AND order_no = 33",
				"INSERT INTO orders VALUES (9, 9999, 1.00)",
				"CREATE TABLE products (sku VARCHAR(20) COLLATE \"und-x-icu\", title VARCHAR(40))",
				"INSERT INTO products VALUES ('abc', 'Mug'), ('ABC', 'Mug L'), ('Ábc', 'Cafe mug'), ('abc ', 'Mug space'),"
						+ " ('a-b', 'Dash'), ('a_b', 'Under'), ('zz', 'Teapot'), ('zz', 'Teapot')");
	}

	private List<String> openDiscrepancies() {
		return discrepancies.find(DiscrepancyStatus.OPEN)
			.stream()
			.map((d) -> d.table() + " " + d.type() + " " + d.key().values() + (d.column() == null ? "" : " " + d.column())
					+ " " + d.source() + " -> " + d.target())
			.sorted()
			.toList();
	}

	static final List<String> EXPECTED = List.of(
			"customers EXTRA_IN_TARGET [5000] null -> {\"full_name\":\"Ghost\",\"email\":\"ghost@example.org\",\"balance\":\"0\",\"updated_at\":\"2026-01-01 00:00:00.000000\"}",
			"customers FIELD_MISMATCH [42] email c42@example.org -> c42@example.com",
			"customers FIELD_MISMATCH [7] balance 9.59 -> 10.59",
			"customers MISSING_IN_TARGET [100] {\"full_name\":\"Customer 100\",\"email\":\"c100@example.org\",\"balance\":\"137\",\"updated_at\":\"2026-01-01 00:00:00.000000\"} -> null",
			"orders EXTRA_IN_TARGET [9, 9999] null -> {\"amount\":\"1\"}",
			"orders MISSING_IN_TARGET [3, 33] {\"amount\":\"33.5\"} -> null",
			"products DUPLICATE_IN_TARGET [zz] 1 copy -> 2 copies",
			"products FIELD_MISMATCH [Ábc] title Café mug -> Cafe mug");

	@Test
	void findsEveryPlantedDiscrepancyExactly() throws Exception {
		// when
		JobExecution execution = jobOperatorTestUtils.startJob(dev.parity.jobs.JobTestSupport.launch());

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(execution.getStepExecutions()).filteredOn((s) -> s.getStepName().startsWith("diffPartitionStep"))
			.hasSize(10 + 3 + 1);
		assertThat(openDiscrepancies()).containsExactlyElementsOf(EXPECTED);
		long runId = execution.getExecutionContext().getLong(ParityJobParameters.RUN_ID);
		assertThat(control.queryForObject("SELECT count(*) FROM parity_diff_candidate", Long.class))
			.as("the completed run's candidates are pruned").isZero();
		assertThat(diffs.results(runId)).containsExactly(
				new DiffStats("customers", 1000, 996, 1, 996 * 4 + 2 * 4 + 4 + 4, 2 + 4 + 4),
				// 300 source keys and one extra; the missing and the extra row differ in their one column
				new DiffStats("orders", 301, 299, 0, 299 + 1 + 1, 2),
				// the duplicated key is not equal, though its copy's fields are
				new DiffStats("products", 7, 5, 0, 5 + 1 + 1, 1));
	}

	// While replication lags more than the threshold (15m), a row updated on the source 20 minutes ago
	// and not yet on the target is in flight, not a defect: the lag window widens to the measured lag
	// (30m) and the run's result says so. Once the lag is below the threshold the same row is a defect.
	@Test
	void whileReplicationLagsTheLagWindowWidensToTheMeasuredLag() throws Exception {
		// given: customer 300 changed on the source 20 minutes ago, never replicated
		LocalDateTime now = LocalDateTime.parse(String.valueOf(source.queryLong(
				"SELECT CAST(DATE_FORMAT(NOW(), '%Y%m%d%H%i%s') AS UNSIGNED)")), DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
		source.execute("UPDATE customers SET email = 'late300@example.org', updated_at = '"
				+ DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(now.minusMinutes(20)) + "' WHERE id = 300");
		// given: the last counts run measured customers 30 minutes behind
		long countsRun = runs.startOrResume("countsJob", 1, "test", null, java.time.Instant.now());
		lags.save(new dev.parity.core.repository.LagRepository.LagPoint(countsRun, "customers", Duration.ofMinutes(30),
				Duration.ofMinutes(15), "watermark", java.time.Instant.now(), true));

		// when
		JobExecution execution = jobOperatorTestUtils.startJob(dev.parity.jobs.JobTestSupport.launch());

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(openDiscrepancies()).containsExactlyElementsOf(EXPECTED);
		long runId = execution.getExecutionContext().getLong(ParityJobParameters.RUN_ID);
		assertThat(diffs.results(runId).get(0).rowsInFlight()).as("customers 200 and 300").isEqualTo(2);
		assertThat(diffs.notes(runId)).containsOnlyKeys("customers");
		assertThat(diffs.notes(runId).get("customers"))
			.startsWith("lag window widened from 5m to 30m: replication lag 30m measured at ")
			.endsWith("is above the 15m threshold");

		// when: the next counts run measures 10 minutes, below the threshold
		long nextCounts = runs.startOrResume("countsJob", 2, "test", null, java.time.Instant.now());
		lags.save(new dev.parity.core.repository.LagRepository.LagPoint(nextCounts, "customers", Duration.ofMinutes(10),
				Duration.ofMinutes(15), "watermark", java.time.Instant.now().plusSeconds(1), false));
		JobExecution unaware = jobOperatorTestUtils.startJob(dev.parity.jobs.JobTestSupport.launch());

		// then: back to the configured 5m, the late row is a defect and nothing is noted
		assertThat(openDiscrepancies()).contains("customers FIELD_MISMATCH [300] email late300@example.org -> c300@example.org");
		assertThat(diffs.notes(unaware.getExecutionContext().getLong(ParityJobParameters.RUN_ID))).isEmpty();
	}

	// A partition that fails after some committed chunks restarts after its last committed key: every
	// discrepancy is found once and no row is counted twice.
	@Test
	void aFailedPartitionRestartsFromItsLastCommittedChunk() throws Exception {
		// given: the control database refuses the third chunk of customers:00003 (rows 301..400)
		control.execute("ALTER TABLE parity_diff_progress ADD CONSTRAINT refuse_third_chunk"
				+ " CHECK (partition_name <> 'customers:00003' OR rows_seen <= 50)");
		JobExecution failed;
		try {
			failed = jobOperatorTestUtils.startJob(dev.parity.jobs.JobTestSupport.launch());
		}
		finally {
			control.execute("ALTER TABLE parity_diff_progress DROP CONSTRAINT refuse_third_chunk");
		}
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		long runId = failed.getExecutionContext().getLong(ParityJobParameters.RUN_ID);
		assertThat(control.queryForObject("SELECT rows_seen FROM parity_diff_progress WHERE run_id = ? AND partition_name = ?",
				Long.class, runId, "customers:00003")).isEqualTo(50);
		assertThat(candidates(runId)).as("kept for the restart").isPositive();

		// when
		JobExecution restarted = jobOperatorTestUtils.getJobOperator().restart(failed);

		// then
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getStepExecutions()).filteredOn((s) -> s.getStepName().startsWith("diffPartitionStep"))
			.as("only the failed partition ran again")
			.hasSize(1);
		assertThat(control.queryForObject("SELECT SUM(rows_seen) FROM parity_diff_progress WHERE run_id = ?", Long.class,
				runId)).isEqualTo(1001 + 301 + 7);
		assertThat(openDiscrepancies()).containsExactlyElementsOf(EXPECTED);
		assertThat(diffs.results(runId)).extracting(DiffStats::rowsEqual).containsExactly(996L, 299L, 5L);
		assertThat(candidates(runId)).as("pruned once the run completed").isZero();
	}

	private long candidates(long runId) {
		return control.queryForObject("SELECT count(*) FROM parity_diff_candidate WHERE run_id = ?", Long.class, runId);
	}

	@Test
	void aSecondRunResolvesWhatWasRepairedAndKeepsInFlightKeysOpen() throws Exception {
		// given
		jobOperatorTestUtils.startJob(dev.parity.jobs.JobTestSupport.launch());
		target.execute("UPDATE customer SET email = 'c42@example.org' WHERE id = 42");

		// when
		JobExecution second = jobOperatorTestUtils.startJob(dev.parity.jobs.JobTestSupport.launch());

		// then
		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(discrepancies.find(null)).filteredOn((d) -> d.key() != null && d.key().containsValue("42"))
			.singleElement()
			.extracting(Discrepancy::status)
			.isEqualTo(DiscrepancyStatus.RESOLVED);
		assertThat(openDiscrepancies()).hasSize(EXPECTED.size() - 1);
	}

}
