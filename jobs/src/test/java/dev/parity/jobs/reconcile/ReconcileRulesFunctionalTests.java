package dev.parity.jobs.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
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
import dev.parity.core.repository.SchemaRepository;
import dev.parity.core.testsupport.ControlDatabase;
import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;
import dev.parity.jobs.JobTestApplication;
import dev.parity.jobs.JobTestSupport;

/**
 * The {@code pause} rule and the throttle of {@code reconcileJob}, on real MariaDB (source) and
 * PostgreSQL (target): a {@code pause} rule pauses its table and leaves that table's discrepancies open
 * from then on, while another table is repaired no faster than {@code max-rows-per-second}.
 */
@SpringBatchTest
@SpringBootTest(classes = { JobTestApplication.class, ReconcileRulesFunctionalTests.Config.class })
@RequiresDatabase({ TestDatabases.MARIADB, TestDatabases.POSTGRES })
class ReconcileRulesFunctionalTests {

	static TestSchema source;

	static TestSchema target;

	/** Rows changed per second at most: 12 single-row fixes in chunks of 2 take at least 10 / 4 s. */
	static final double ROWS_PER_SECOND = 4;

	@TestConfiguration
	static class Config {

		@Bean
		ParityConfig parityConfig() {
			source = TestDatabases.MARIADB.freshSchema();
			target = TestDatabases.POSTGRES.freshSchema();
			TableMapping items = new TableMapping("items", "items", "items", List.of("id"), null, false, null, null,
					null, null, Map.of("missing-in-target", ReconcileRule.PAUSE));
			TableMapping parts = new TableMapping("parts", "parts", "parts", List.of("id"), null, false, null, null);
			return new ParityConfig("reconcile rules test", source.settings(), target.settings(),
					JobTestSupport.control("reconcile-rules"), Duration.ofMinutes(5), List.of(items, parts),
					Thresholds.DEFAULTS, new DiffSettings(2, 1000, 100, 50, 100), null, null, null, null, null,
					new ReconcileSettings(100, 100.0, ROWS_PER_SECOND, 2));
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
	SchemaRepository schemas;

	@Autowired
	JdbcTemplate control;

	@AfterAll
	static void dropSchemas() {
		source.close();
		target.close();
	}

	@Test
	void aPauseRulePausesItsTableAndTheThrottleHoldsTheRate() throws Exception {
		// given: items with one field mismatch (id 10) before, in key order, two missing rows (25, 5) and
		// one after (30); parts with twelve rows missing from the target
		jobRepositoryTestUtils.removeJobExecutions();
		ControlDatabase.clear(control);
		source.execute("DROP TABLE IF EXISTS items", "DROP TABLE IF EXISTS parts",
				"CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))",
				"INSERT INTO items SELECT seq, CONCAT('item ', seq) FROM seq_1_to_40",
				"CREATE TABLE parts (id INT PRIMARY KEY, label VARCHAR(20))",
				"INSERT INTO parts SELECT seq, CONCAT('part ', seq) FROM seq_1_to_30");
		target.execute("DROP TABLE IF EXISTS items", "DROP TABLE IF EXISTS parts",
				"CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))",
				"INSERT INTO items SELECT i, 'item ' || i FROM generate_series(1, 40) i",
				"UPDATE items SET name = 'changed' WHERE id IN (10, 30)", "DELETE FROM items WHERE id IN (5, 25)",
				"CREATE TABLE parts (id INT PRIMARY KEY, label VARCHAR(20))",
				"INSERT INTO parts SELECT i, 'part ' || i FROM generate_series(1, 18) i");
		jobOperatorTestUtils.setJob(diffJob);
		assertThat(jobOperatorTestUtils.startJob(JobTestSupport.launch("test").toJobParameters()).getStatus())
			.isEqualTo(BatchStatus.COMPLETED);
		assertThat(openOf("items")).isEqualTo(4);
		assertThat(openOf("parts")).isEqualTo(12);

		// when
		jobOperatorTestUtils.setJob(reconcileJob);
		long started = System.nanoTime();
		BatchStatus status = jobOperatorTestUtils.startJob(JobTestSupport.launch("test").toJobParameters()).getStatus();
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		// then: items paused at its first missing row ({"id":"25"} sorts after {"id":"10"}); the fix
		// journalled before it in the same chunk went through, nothing after it
		assertThat(status).isEqualTo(BatchStatus.COMPLETED);
		assertThat(schemas.isPaused("items")).isTrue();
		assertThat(schemas.isPaused("parts")).isFalse();
		assertThat(target.queryRows("SELECT id FROM items WHERE name = 'changed' ORDER BY id")).containsExactly("30");
		assertThat(target.queryLong("SELECT COUNT(*) FROM items")).isEqualTo(38);
		assertThat(openOf("items")).isEqualTo(3);
		assertThat(control.queryForList("SELECT key_json FROM parity_audit WHERE table_name = 'items'"
				+ " AND action LIKE 'reconcile-%'", String.class)).containsExactly("{\"id\":\"10\"}");
		// parts repaired in full, and no faster than the throttle allows: the last of six chunks of two
		// rows waits until 10 rows / 4 per second have passed since the first
		assertThat(openOf("parts")).isZero();
		assertThat(target.queryLong("SELECT COUNT(*) FROM parts")).isEqualTo(30);
		assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis((long) (10 / ROWS_PER_SECOND * 1000)));
	}

	private int openOf(String table) {
		return control.queryForObject(
				"SELECT COUNT(*) FROM parity_discrepancy WHERE status = 'OPEN' AND table_name = ?", Integer.class, table);
	}

}
