package dev.parity.jobs.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

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

import dev.parity.core.canonical.CompareOptions;
import dev.parity.core.config.ChecksumSettings;
import dev.parity.core.config.DiffSettings;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.TableMapping;
import dev.parity.core.config.Thresholds;
import dev.parity.core.repository.Checkpoint;
import dev.parity.core.repository.CheckpointDiff;
import dev.parity.core.repository.CheckpointRepository;
import dev.parity.core.repository.ChecksumTableSummary;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyStatus;
import dev.parity.core.repository.ManifestEntry;
import dev.parity.core.run.ParityJobParameters;
import dev.parity.core.testsupport.ControlDatabase;
import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;
import dev.parity.jobs.JobTestApplication;
import dev.parity.jobs.JobTestSupport;

/**
 * {@code checksumJob} on real MariaDB (source) and PostgreSQL (target): planted discrepancies of every
 * type found exactly through checksums and bisection (renamed and computed columns, composite and
 * string keys, a row in flight), each differing leaf fetched with at most {@code bisect-rows} rows, a
 * table whose compare option has no SQL form hashed in Parity and reported so, numbered checkpoints
 * listed and compared, and a restart from the last committed chunk of a failed partition.
 */
@SpringBatchTest
@SpringBootTest(classes = { JobTestApplication.class, ChecksumJobFunctionalTests.Config.class })
@RequiresDatabase({ TestDatabases.MARIADB, TestDatabases.POSTGRES })
class ChecksumJobFunctionalTests {

	static final int BISECT_ROWS = 50;

	/** Chunks of 1000 rows (the smallest adaptive size too): several per partition, the same bounds every run. */
	static final int MAX_CHUNK_ROWS = 1_000;

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
			// NFC has no SQL form: this table is hashed in Parity
			TableMapping notes = new TableMapping("notes", "notes", "notes", List.of("id"), null, false, null, null,
					Map.of("body", new CompareOptions(false, false, true, null, null, null)));
			return new ParityConfig("checksum test", source.settings(), target.settings(), JobTestSupport.control("checksum"),
					Duration.ofMinutes(5), List.of(customers, orders, products, notes), Thresholds.DEFAULTS,
					new DiffSettings(2, 100, 40, 7, 25), null, null, null, null, null, null, null,
					new ChecksumSettings(2, 6_000, BISECT_ROWS, 4, 0.5, MAX_CHUNK_ROWS));
		}

	}

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JobRepositoryTestUtils jobRepositoryTestUtils;

	@Autowired
	Job checksumJob;

	@Autowired
	DiscrepancyRepository discrepancies;

	@Autowired
	CheckpointRepository checkpoints;

	@Autowired
	JdbcTemplate control;

	@AfterAll
	static void dropSchemas() {
		source.close();
		target.close();
	}

	@BeforeEach
	void plant() {
		jobOperatorTestUtils.setJob(checksumJob);
		jobRepositoryTestUtils.removeJobExecutions();
		ControlDatabase.clear(control);
		String now = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(LocalDateTime.parse(
				String.valueOf(source.queryLong("SELECT CAST(DATE_FORMAT(NOW(), '%Y%m%d%H%i%s') AS UNSIGNED)")),
				DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));
		source.execute("DROP TABLE IF EXISTS customers", "DROP TABLE IF EXISTS orders", "DROP TABLE IF EXISTS products",
				"DROP TABLE IF EXISTS notes",
				"CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40), email VARCHAR(60), balance_cents BIGINT,"
						+ " updated_at DATETIME(6))",
				"INSERT INTO customers SELECT seq, CONCAT('Customer ', seq), CONCAT('c', seq, '@example.org'), seq * 137,"
						+ " '2026-01-01 00:00:00' FROM seq_1_to_20000",
				"CREATE TABLE orders (customer_id INT, order_no INT, amount DECIMAL(10,2), PRIMARY KEY (customer_id, order_no))",
				"INSERT INTO orders SELECT seq % 10, seq, seq + 0.5 FROM seq_1_to_300",
				"CREATE TABLE products (sku VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin PRIMARY KEY,"
						+ " title VARCHAR(40))",
				"INSERT INTO products VALUES ('abc', 'Mug'), ('ABC', 'Mug L'), ('Ábc', 'Café mug'), ('abc ', 'Mug space'),"
						+ " ('a-b', 'Dash'), ('a_b', 'Under'), ('zz', 'Teapot')",
				"CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(40))",
				"INSERT INTO notes SELECT seq, CONCAT('café ', seq) FROM seq_1_to_500",
				// in flight: changed on the source a moment ago, not yet replicated
				"UPDATE customers SET email = 'new200@example.org', updated_at = '" + now + "' WHERE id = 200");
		target.execute("DROP TABLE IF EXISTS customer", "DROP TABLE IF EXISTS orders", "DROP TABLE IF EXISTS products",
				"DROP TABLE IF EXISTS notes",
				"CREATE TABLE customer (id INT PRIMARY KEY, full_name VARCHAR(40), email VARCHAR(60), balance NUMERIC(12,2),"
						+ " updated_at TIMESTAMP(6), loaded_at TIMESTAMP)",
				"INSERT INTO customer SELECT i, 'Customer ' || i, 'c' || i || '@example.org', i * 137 / 100.0,"
						+ " TIMESTAMP '2026-01-01 00:00:00', now() FROM generate_series(1, 20000) i",
				"UPDATE customer SET balance = balance + 1 WHERE id = 7",
				"UPDATE customer SET email = 'c12042@example.com' WHERE id = 12042",
				"DELETE FROM customer WHERE id = 100",
				"INSERT INTO customer VALUES (50000, 'Ghost', 'ghost@example.org', 0, TIMESTAMP '2026-01-01 00:00:00', now())",
				"CREATE TABLE orders (customer_id INT, order_no INT, amount NUMERIC(10,2))",
				"INSERT INTO orders SELECT i % 10, i, i + 0.5 FROM generate_series(1, 300) i",
				"DELETE FROM orders WHERE customer_id = 3 AND order_no = 33",
				"INSERT INTO orders VALUES (9, 9999, 1.00)",
				"CREATE TABLE products (sku VARCHAR(20) COLLATE \"und-x-icu\", title VARCHAR(40))",
				"INSERT INTO products VALUES ('abc', 'Mug'), ('ABC', 'Mug L'), ('Ábc', 'Cafe mug'), ('abc ', 'Mug space'),"
						+ " ('a-b', 'Dash'), ('a_b', 'Under'), ('zz', 'Teapot'), ('zz', 'Teapot')",
				"CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(40))",
				// decomposed é: equal under nfc; one row really differs
				"INSERT INTO notes SELECT i, 'cafe' || U&'\\0301' || ' ' || i FROM generate_series(1, 500) i",
				"UPDATE notes SET body = 'tea 321' WHERE id = 321");
	}

	static final List<String> EXPECTED = List.of(
			"customers EXTRA_IN_TARGET [50000] null -> {\"full_name\":\"Ghost\",\"email\":\"ghost@example.org\",\"balance\":\"0\",\"updated_at\":\"2026-01-01 00:00:00.000000\"}",
			"customers FIELD_MISMATCH [12042] email c12042@example.org -> c12042@example.com",
			"customers FIELD_MISMATCH [7] balance 9.59 -> 10.59",
			"customers MISSING_IN_TARGET [100] {\"full_name\":\"Customer 100\",\"email\":\"c100@example.org\",\"balance\":\"137\",\"updated_at\":\"2026-01-01 00:00:00.000000\"} -> null",
			"notes FIELD_MISMATCH [321] body café 321 -> tea 321",
			"orders EXTRA_IN_TARGET [9, 9999] null -> {\"amount\":\"1\"}",
			"orders MISSING_IN_TARGET [3, 33] {\"amount\":\"33.5\"} -> null",
			"products DUPLICATE_IN_TARGET [zz] 1 copy -> 2 copies",
			"products FIELD_MISMATCH [Ábc] title Café mug -> Cafe mug");

	private List<String> openDiscrepancies() {
		return discrepancies.find(DiscrepancyStatus.OPEN)
			.stream()
			.map((d) -> d.table() + " " + d.type() + " " + d.key().values() + (d.column() == null ? "" : " " + d.column())
					+ " " + d.source() + " -> " + d.target())
			.sorted()
			.toList();
	}

	private Map<String, ChecksumTableSummary> summary(long checkpoint) {
		Map<String, ChecksumTableSummary> byTable = new java.util.TreeMap<>();
		checkpoints.summary(checkpoint).forEach((s) -> byTable.put(s.table(), s));
		return byTable;
	}

	@Test
	void findsEveryPlantedDiscrepancyExactlyFetchingOnlySmallLeaves() throws Exception {
		// when
		JobExecution execution = jobOperatorTestUtils.startJob(JobTestSupport.launch());

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(execution.getStepExecutions()).filteredOn((s) -> s.getStepName().startsWith("checksumPartitionStep"))
			.hasSize(4 + 1 + 1 + 1);
		assertThat(openDiscrepancies()).containsExactlyElementsOf(EXPECTED);

		long runId = execution.getExecutionContext().getLong(ParityJobParameters.RUN_ID);
		Checkpoint checkpoint = checkpoints.byRunId(runId).orElseThrow();
		assertThat(checkpoint.complete()).isTrue();
		assertThat(checkpoints.byJobExecutionId(execution.getId())).contains(checkpoint);
		assertThat(checkpoints.latest()).contains(checkpoint);
		Map<String, ChecksumTableSummary> summary = summary(checkpoint.number());
		assertThat(summary.get("customers").method()).isEqualTo(CheckpointRepository.SQL);
		assertThat(summary.get("customers").sourceRows()).isEqualTo(20_000);
		assertThat(summary.get("customers").targetRows()).isEqualTo(20_000);
		assertThat(summary.get("notes").method()).isEqualTo(CheckpointRepository.PARITY);
		assertThat(summary.get("notes").fallback()).contains("body (compare option nfc");

		// every leaf compared row by row held at most bisect-rows rows: a few hundred of the 40,000 were
		// fetched to find customers' 4 differences and 1 row in flight
		List<ManifestEntry> manifest = checkpoints.manifest(checkpoint.number());
		assertThat(manifest).filteredOn((e) -> !e.table().equals("products"))
			.allSatisfy((e) -> assertThat(e.largestLeaf()).isLessThanOrEqualTo(BISECT_ROWS));
		assertThat(summary.get("customers").rowsFetched()).isPositive()
			.isLessThanOrEqualTo(summary.get("customers").leaves() * BISECT_ROWS)
			.isLessThanOrEqualTo(5L * 2 * BISECT_ROWS);
		assertThat(manifest).filteredOn(ManifestEntry::matched).allSatisfy((e) -> assertThat(e.rowsFetched()).isZero());
		assertThat(control.queryForObject(
				"SELECT COUNT(*) FROM parity_check_result WHERE run_id = ? AND check_type = 'CHECKSUM'", Long.class, runId))
			.isEqualTo(4);
	}

	@Test
	void checkpointsAreNumberedAndTheirDiffShowsTheRegionThatChanged() throws Exception {
		// given
		JobExecution first = jobOperatorTestUtils.startJob(JobTestSupport.launch());
		target.execute("UPDATE customer SET email = 'changed@example.org' WHERE id = 15000");

		// when
		JobExecution second = jobOperatorTestUtils.startJob(JobTestSupport.launch());

		// then
		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<Checkpoint> all = checkpoints.list();
		assertThat(all).extracting(Checkpoint::number).containsExactly(1L, 2L);
		assertThat(all).extracting(Checkpoint::runId)
			.containsExactly(first.getExecutionContext().getLong(ParityJobParameters.RUN_ID),
					second.getExecutionContext().getLong(ParityJobParameters.RUN_ID));
		CheckpointDiff diff = checkpoints.diff(1, 2);
		assertThat(diff.regions()).isGreaterThan(4);
		assertThat(diff.changed()).singleElement().satisfies((change) -> {
			assertThat(change.table()).isEqualTo("customers");
			assertThat(change.targetChanged()).isTrue();
			assertThat(change.sourceChanged()).isFalse();
			assertThat(change.targetAfter().count()).isEqualTo(change.targetBefore().count());
			long lower = change.lower() == null ? Long.MIN_VALUE : Long.parseLong(change.lower().get("id"));
			long upper = change.upper() == null ? Long.MAX_VALUE : Long.parseLong(change.upper().get("id"));
			assertThat(15000L).isBetween(lower, upper - 1);
			assertThat(upper - lower).isLessThan(20_000);
		});
		assertThat(checkpoints.diff(2, 2).changed()).isEmpty();
	}

	// A partition that fails after committed chunks restarts after its last committed chunk: every
	// discrepancy is found once, no chunk is stored twice, the checkpoint completes.
	@Test
	void aFailedPartitionRestartsFromItsLastCommittedChunk() throws Exception {
		// given: the control database refuses the second chunk of customers' partition 2
		control.execute("ALTER TABLE parity_checkpoint_partition ADD CONSTRAINT refuse_chunk"
				+ " CHECK (table_name <> 'customers' OR partition_no <> 2 OR chunk_no < 2)");
		JobExecution failed;
		try {
			failed = jobOperatorTestUtils.startJob(JobTestSupport.launch());
		}
		finally {
			control.execute("ALTER TABLE parity_checkpoint_partition DROP CONSTRAINT refuse_chunk");
		}
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		long runId = failed.getExecutionContext().getLong(ParityJobParameters.RUN_ID);
		Checkpoint checkpoint = checkpoints.byRunId(runId).orElseThrow();
		assertThat(checkpoint.complete()).isFalse();

		// when
		JobExecution restarted = jobOperatorTestUtils.getJobOperator().restart(failed);

		// then
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getStepExecutions()).filteredOn((s) -> s.getStepName().startsWith("checksumPartitionStep"))
			.as("only the failed partition ran again")
			.hasSize(1);
		assertThat(checkpoints.byRunId(runId)).get().extracting(Checkpoint::number, Checkpoint::complete)
			.containsExactly(checkpoint.number(), true);
		assertThat(openDiscrepancies()).containsExactlyElementsOf(EXPECTED);
		assertThat(summary(checkpoint.number()).get("customers").sourceRows()).isEqualTo(20_000);
		assertThat(control.queryForObject("SELECT SUM(rows_seen) FROM parity_diff_progress WHERE run_id = ? AND table_name = ?",
				Long.class, runId, "customers")).isEqualTo(20_001);
	}

}
