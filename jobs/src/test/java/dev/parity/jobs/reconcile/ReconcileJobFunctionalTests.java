package dev.parity.jobs.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
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
import dev.parity.core.config.ReconcileRule;
import dev.parity.core.config.ReconcileSettings;
import dev.parity.core.config.TableMapping;
import dev.parity.core.config.Thresholds;
import dev.parity.core.reconcile.FixCheckpoint;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyStatus;
import dev.parity.core.run.ParityJobParameters;
import dev.parity.core.testsupport.ControlDatabase;
import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;
import dev.parity.jobs.JobTestApplication;

/**
 * {@code reconcileJob} on real MariaDB (source) and PostgreSQL (target): every planted discrepancy
 * type, with renamed and computed columns, a composite and a string key; then an independent
 * comparison (plain JDBC and SQL written here, not Parity's diff) of the target with the mapped
 * source, the source unchanged row for row, and one audit row per change. Also: a row changed on the
 * source after detection, one that healed itself, one the target refuses, a report-only rule, the
 * dry run, the caps, and a crash at each durable step of a chunk.
 */
@SpringBatchTest
@SpringBootTest(classes = { JobTestApplication.class, ReconcileJobFunctionalTests.Config.class })
@RequiresDatabase({ TestDatabases.MARIADB, TestDatabases.POSTGRES })
class ReconcileJobFunctionalTests {

	static TestSchema source;

	static TestSchema target;

	/** Crashes (throws) once at the chosen stage. */
	static final class CrashingCheckpoint implements FixCheckpoint {

		volatile Stage crashAt;

		@Override
		public void reached(Stage stage) {
			if (stage == crashAt) {
				crashAt = null;
				throw new IllegalStateException("simulated crash at " + stage);
			}
		}

	}

	static final CrashingCheckpoint CRASH = new CrashingCheckpoint();

	@TestConfiguration
	static class Config {

		@Bean
		ParityConfig parityConfig() {
			source = TestDatabases.MARIADB.freshSchema();
			target = TestDatabases.POSTGRES.freshSchema();
			TableMapping customers = new TableMapping("customers", "customers", "customer", List.of("id"), "updated_at",
					true, Map.of("full_name", "name", "balance", "balance_cents / 100.0"), List.of("loaded_at"));
			TableMapping orders = new TableMapping("orders", "orders", "orders", List.of("customer_id", "order_no"), null,
					false, null, null, null, null, Map.of("extra-in-target", ReconcileRule.REPORT_ONLY));
			TableMapping products = new TableMapping("products", "products", "products", List.of("sku"), null, false, null,
					null);
			return new ParityConfig("reconcile test", source.settings(), target.settings(),
					dev.parity.jobs.JobTestSupport.control("reconcile"),
					Duration.ofMinutes(5), List.of(customers, orders, products), Thresholds.DEFAULTS,
					new DiffSettings(2, 400, 100, 50, 100), null, null, null, null, null,
					new ReconcileSettings(50, 30.0, null, 4));
		}

		@Bean
		FixCheckpoint crashingCheckpoint() {
			return CRASH;
		}

	}

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JobRepositoryTestUtils jobRepositoryTestUtils;

	@Autowired
	Job diffJob;

	@Autowired
	Job reconcileJob;

	@Autowired
	DiscrepancyRepository discrepancies;

	@Autowired
	JdbcTemplate control;

	@TempDir
	Path dir;

	@AfterAll
	static void dropSchemas() {
		source.close();
		target.close();
	}

	@BeforeEach
	void plantAndDiff() throws Exception {
		CRASH.crashAt = null;
		jobRepositoryTestUtils.removeJobExecutions();
		ControlDatabase.clear(control);
		source.execute("DROP TABLE IF EXISTS customers", "DROP TABLE IF EXISTS orders", "DROP TABLE IF EXISTS products",
				"CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40), email VARCHAR(60), balance_cents BIGINT,"
						+ " updated_at DATETIME(6))",
				"INSERT INTO customers SELECT seq, CONCAT('Customer ', seq), CONCAT('c', seq, '@example.org'), seq * 137,"
						+ " '2026-01-01 00:00:00' FROM seq_1_to_1000",
				"UPDATE customers SET email = 'bad300@example.org' WHERE id = 300",
				"CREATE TABLE orders (customer_id INT, order_no INT, amount DECIMAL(10,2), PRIMARY KEY (customer_id, order_no))",
				"INSERT INTO orders SELECT seq % 10, seq, seq + 0.5 FROM seq_1_to_300",
				"CREATE TABLE products (sku VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin PRIMARY KEY,"
						+ " title VARCHAR(40))",
				"INSERT INTO products VALUES ('abc', 'Mug'), ('ABC', 'Mug L'), ('Ábc', 'Café mug'), ('abc ', 'Mug space'),"
						+ " ('a-b', 'Dash'), ('a_b', 'Under'), ('zz', 'Teapot')");
		target.execute("DROP TABLE IF EXISTS customer", "DROP TABLE IF EXISTS orders", "DROP TABLE IF EXISTS products",
				"CREATE TABLE customer (id INT PRIMARY KEY, full_name VARCHAR(40), email VARCHAR(60)"
						+ " CONSTRAINT no_bad_email CHECK (email NOT LIKE 'bad%'), balance NUMERIC(12,2),"
						+ " updated_at TIMESTAMP(6), loaded_at TIMESTAMP DEFAULT now())",
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
		jobOperatorTestUtils.setJob(diffJob);
		assertThat(jobOperatorTestUtils.startJob(parameters(false, null)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(openCount()).as("planted discrepancies found by the diff").isEqualTo(9);
	}

	/** A launch's outcome (never a JobExecution return type: @SpringBatchTest would call it). */
	record Launch(BatchStatus status, String failure) {
	}

	private Launch reconcile(boolean dryRun, Path sqlOut) throws Exception {
		jobOperatorTestUtils.setJob(reconcileJob);
		var execution = jobOperatorTestUtils.startJob(parameters(dryRun, sqlOut));
		return new Launch(execution.getStatus(), execution.getAllFailureExceptions()
			.stream()
			.map(ReconcileJobFunctionalTests::messages)
			.collect(Collectors.joining("; ")));
	}

	private static String messages(Throwable failure) {
		List<String> messages = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.add(cause.getMessage());
		}
		return String.join(" <- ", messages);
	}

	private static JobParameters parameters(boolean dryRun, Path sqlOut) {
		JobParametersBuilder builder = dev.parity.jobs.JobTestSupport.launch("test")
			.addString(ParityJobParameters.DRY_RUN, String.valueOf(dryRun));
		if (sqlOut != null) {
			builder.addString(ParityJobParameters.SQL_OUT, sqlOut.toString(), false);
		}
		return builder.toJobParameters();
	}

	private int openCount() {
		return discrepancies.find(DiscrepancyStatus.OPEN).size();
	}

	// The independent comparison: the mapping written out by hand in each engine's SQL; rows sorted in Java.
	private static List<String> mappedSource() {
		List<String> rows = new ArrayList<>();
		rows.addAll(source.queryRows("SELECT 'customer', id, name, email, balance_cents,"
				+ " DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i:%s.%f') FROM customers"));
		rows.addAll(source.queryRows("SELECT 'orders', customer_id, order_no, CAST(amount * 100 AS SIGNED) FROM orders"));
		rows.addAll(source.queryRows("SELECT 'products', HEX(sku), title FROM products"));
		return rows.stream().sorted().toList();
	}

	private static List<String> targetRows() {
		List<String> rows = new ArrayList<>();
		rows.addAll(target.queryRows("SELECT 'customer', id, full_name, email, (balance * 100)::bigint,"
				+ " to_char(updated_at, 'YYYY-MM-DD HH24:MI:SS.US') FROM customer"));
		rows.addAll(target.queryRows("SELECT 'orders', customer_id, order_no, (amount * 100)::bigint FROM orders"));
		rows.addAll(target.queryRows("SELECT 'products', upper(encode(convert_to(sku, 'UTF8'), 'hex')), title FROM products"));
		return rows.stream().sorted().toList();
	}

	private static List<String> sourceDump() {
		List<String> rows = new ArrayList<>();
		for (String table : List.of("customers", "orders", "products")) {
			rows.addAll(source.queryRows("SELECT * FROM " + table));
			rows.addAll(source.queryRows("CHECKSUM TABLE " + table + " EXTENDED"));
		}
		return rows.stream().sorted().toList();
	}

	private int auditedChanges() {
		return control.queryForObject("SELECT COUNT(*) FROM parity_audit WHERE action LIKE 'reconcile-%'", Integer.class);
	}

	private int outstandingIntents() {
		return control.queryForObject("SELECT COUNT(*) FROM parity_fix_intent", Integer.class);
	}

	private int fixes(String status) {
		return control.queryForObject("SELECT COUNT(*) FROM parity_fix WHERE status = ?", Integer.class, status);
	}

	private String statusOf(String table, String type, String keyValue) {
		return discrepancies.find(null)
			.stream()
			.filter((d) -> d.table().equals(table) && d.type().name().equals(type) && d.key().values().toString().equals(keyValue))
			.map((d) -> d.status().name())
			.collect(Collectors.joining(","));
	}

	// The mapped source with what is legitimately left: the refused row (300) and the report-only extra order.
	private static List<String> expectedTarget() {
		List<String> expected = new ArrayList<>(mappedSource());
		expected.replaceAll((r) -> r.startsWith("customer|300|") ? r.replace("bad300@example.org", "c300@example.org") : r);
		expected.add("orders|9|9999|100");
		return expected.stream().sorted().toList();
	}

	@Test
	void repairsEveryPlantedTypeFromTheCurrentSourceAuditedAndNeverTouchesTheSource() throws Exception {
		// given: after detection, one row changes on the source and one heals on the target
		source.execute("UPDATE customers SET email = 'changed42@example.org' WHERE id = 42");
		target.execute("UPDATE customer SET balance = balance - 1 WHERE id = 7");
		List<String> sourceBefore = sourceDump();

		// when
		Launch launch = reconcile(false, null);

		// then
		assertThat(launch.status()).as(launch.failure()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(targetRows()).containsExactlyElementsOf(expectedTarget());
		assertThat(targetRows()).contains("customer|42|Customer 42|changed42@example.org|5754|2026-01-01 00:00:00.000000");
		assertThat(sourceDump()).as("the source, row for row and by checksum").isEqualTo(sourceBefore);
		// insert 100, delete 5000, update 42, insert (3,33), deduplicate zz, update Ábc
		assertThat(fixes("CONFIRMED")).isEqualTo(6);
		assertThat(auditedChanges()).isEqualTo(6);
		assertThat(control.queryForList("SELECT a.fix_id FROM parity_audit a JOIN parity_fix f ON f.id = a.fix_id"
				+ " WHERE a.before_json IS NOT NULL AND a.after_json IS NOT NULL AND a.rule_text IS NOT NULL"
				+ " AND a.trigger_source = 'test' AND a.run_id = f.run_id AND a.discrepancy_id IS NOT NULL"
				+ " AND a.key_json = f.key_json AND f.status = 'CONFIRMED'", Long.class)).hasSize(6).doesNotHaveDuplicates();
		assertThat(control.queryForObject("SELECT after_json FROM parity_audit WHERE action = 'reconcile-deduplicate'",
				String.class)).isEqualTo("[{\"sku\":\"zz\",\"title\":\"Teapot\"}]");
		assertThat(statusOf("customers", "FIELD_MISMATCH", "[7]")).isEqualTo("SELF_HEALED");
		assertThat(statusOf("customers", "FIELD_MISMATCH", "[42]")).isEqualTo("RESOLVED");
		assertThat(statusOf("customers", "MISSING_IN_TARGET", "[100]")).isEqualTo("RESOLVED");
		assertThat(statusOf("orders", "EXTRA_IN_TARGET", "[9, 9999]")).isEqualTo("OPEN");
		assertThat(statusOf("customers", "FIELD_MISMATCH", "[300]")).isEqualTo("FAILED");
		assertThat(control.queryForObject("SELECT status_reason FROM parity_discrepancy WHERE key_json = '{\"id\":\"300\"}'",
				String.class)).contains("no_bad_email");
		assertThat(fixes("INTENT")).as("no intent left unconfirmed").isZero();
	}

	@Test
	void aDryRunWritesTheSqlItWouldRunAndChangesNothing() throws Exception {
		List<String> targetBefore = targetRows();
		Path sql = dir.resolve("fixes.sql");

		Launch launch = reconcile(true, sql);

		assertThat(launch.status()).as(launch.failure()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(targetRows()).isEqualTo(targetBefore);
		assertThat(openCount()).isEqualTo(9);
		assertThat(auditedChanges()).isZero();
		String text = Files.readString(sql);
		assertThat(text).contains("insert into").contains("delete from").contains("update")
			.contains("'c100@example.org'").contains("'bad300@example.org'").doesNotContain("9999");
		assertThat(text.lines().filter((l) -> !l.startsWith("--"))).hasSize(9); // one statement per fix, two for the deduplication
	}

	@ParameterizedTest
	@EnumSource(FixCheckpoint.Stage.class)
	void aCrashAtAnyStepOfAChunkLosesNoAuditAndNoFix(FixCheckpoint.Stage stage) throws Exception {
		List<String> sourceBefore = sourceDump();
		CRASH.crashAt = stage;

		Launch crashed = reconcile(false, null);

		assertThat(crashed.status()).isEqualTo(BatchStatus.FAILED);
		assertThat(crashed.failure()).contains("simulated crash at " + stage);
		assertThat(auditedChanges()).as("audit rows only for confirmed changes").isEqualTo(fixes("CONFIRMED"));
		if (stage == FixCheckpoint.Stage.CONFIRMED) {
			// the next chunk's intent may already be recorded while the crashed confirmation ran
			assertThat(outstandingIntents()).isBetween(0, 1);
		}
		else {
			assertThat(outstandingIntents()).as("the crashed chunk's intent is outstanding until confirmed").isOne();
		}

		Launch next = reconcile(false, null);

		assertThat(next.status()).as(next.failure()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(fixes("INTENT")).isZero();
		assertThat(outstandingIntents()).isZero();
		if (stage == FixCheckpoint.Stage.INTENT_RECORDED) {
			assertThat(fixes("ABANDONED")).as("intents the target never saw are abandoned, then fixed afresh").isPositive();
		}
		else {
			// applied changes are confirmed by the recovery; only a change the target refused is not there
			assertThat(control.queryForList("SELECT key_json FROM parity_fix WHERE status = 'ABANDONED'", String.class))
				.as("applied intents are confirmed by the recovery")
				.isSubsetOf("{\"id\":\"300\"}");
		}
		assertThat(targetRows()).containsExactlyElementsOf(expectedTarget());
		assertThat(sourceDump()).isEqualTo(sourceBefore);
		// every change audited exactly once, whichever run confirmed it
		assertThat(auditedChanges()).isEqualTo(fixes("CONFIRMED")).isEqualTo(7);
		assertThat(control.queryForList("SELECT key_json FROM parity_audit WHERE action LIKE 'reconcile-%'", String.class))
			.doesNotHaveDuplicates();
	}

	@Test
	void aRunThatWouldRewriteALargePartOfATableStopsBeforeChangingAnything() throws Exception {
		target.execute("DELETE FROM customer WHERE id BETWEEN 401 AND 800");
		jobOperatorTestUtils.setJob(diffJob);
		assertThat(jobOperatorTestUtils.startJob(parameters(false, null)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<String> targetBefore = targetRows();

		Launch launch = reconcile(false, null);

		assertThat(launch.status()).isEqualTo(BatchStatus.FAILED);
		assertThat(launch.failure()).isEqualTo("reconcile stopped before changing anything: it would change 405 of the"
				+ " 1000 rows of customers (40.5 %, above parity.reconcile.max-table-percent 30), which signals a mapping"
				+ " bug rather than drift; review the mapping and the discrepancies, or raise the limit");
		assertThat(targetRows()).isEqualTo(targetBefore);
		assertThat(auditedChanges()).isZero();
	}

	@Test
	void aRunOverTheMaxFixesStopsBeforeChangingAnything() throws Exception {
		target.execute("DELETE FROM orders WHERE order_no BETWEEN 100 AND 149");
		jobOperatorTestUtils.setJob(diffJob);
		assertThat(jobOperatorTestUtils.startJob(parameters(false, null)).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		Launch launch = reconcile(false, null);

		assertThat(launch.status()).isEqualTo(BatchStatus.FAILED);
		assertThat(launch.failure()).startsWith("reconcile stopped before changing anything: it would change 58 rows,"
				+ " above parity.reconcile.max-fixes 50");
		assertThat(auditedChanges()).isZero();
		assertThat(IntStream.of(fixes("CONFIRMED"), fixes("INTENT")).sum()).isZero();
	}

}
