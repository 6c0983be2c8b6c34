package dev.parity.jobs.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import dev.parity.core.connect.DatabaseStalledException;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyStatus;
import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;
import dev.parity.jobs.JobTestSupport;
import dev.parity.core.testsupport.StallingProxy;

/**
 * {@code diffJob} when the network to MariaDB (source) or PostgreSQL (target) stops answering in the
 * middle of the row streams, without closing: each side is reached through a local TCP proxy that stops
 * forwarding after a set number of bytes. The diff fails within its {@code stall-timeout} with one
 * sentence naming the database and the setting, the run is FAILED (restartable), and once the network
 * answers again the restarted run completes with exactly the planted discrepancies.
 */
@SpringBatchTest
@SpringBootTest(classes = { dev.parity.jobs.JobTestApplication.class, DiffStallFunctionalTests.Config.class })
@RequiresDatabase({ TestDatabases.MARIADB, TestDatabases.POSTGRES })
class DiffStallFunctionalTests {

	static final Duration STALL_TIMEOUT = Duration.ofSeconds(2);

	static TestSchema source;

	static TestSchema target;

	static StallingProxy sourceProxy;

	static StallingProxy targetProxy;

	@TestConfiguration
	static class Config {

		@Bean
		ParityConfig parityConfig() throws Exception {
			source = TestDatabases.MARIADB.freshSchema();
			target = TestDatabases.POSTGRES.freshSchema();
			sourceProxy = new StallingProxy(source.url());
			targetProxy = new StallingProxy(target.url());
			// the socket timeout is a safety net well above the stall timeout: the stream detector must answer first
			var sourceSettings = new dev.parity.core.config.ConnectionSettings(sourceProxy.url(source.url()), source.user(),
					source.password(), 4).withTimeouts(null, Duration.ofSeconds(60), STALL_TIMEOUT);
			var targetSettings = new dev.parity.core.config.ConnectionSettings(targetProxy.url(target.url()), target.user(),
					target.password(), 4).withTimeouts(null, Duration.ofSeconds(60), STALL_TIMEOUT);
			TableMapping items = new TableMapping("items", "items", "items", List.of("id"), null, false, null, null);
			return new ParityConfig("stall test", sourceSettings, targetSettings, JobTestSupport.control("stall"),
					Duration.ofMinutes(5), List.of(items), Thresholds.DEFAULTS, new DiffSettings(2, 50_000, 500, 50, 5_000));
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
	JdbcTemplate control;

	@AfterAll
	static void drop() throws Exception {
		sourceProxy.close();
		targetProxy.close();
		source.close();
		target.close();
	}

	@BeforeEach
	void plant() {
		jobOperatorTestUtils.setJob(diffJob);
		jobRepositoryTestUtils.removeJobExecutions();
		dev.parity.core.testsupport.ControlDatabase.clear(control);
		source.execute("DROP TABLE IF EXISTS items", "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40), qty INT, pad VARCHAR(200))",
				"INSERT INTO items SELECT seq, CONCAT('item number ', seq), seq % 97, REPEAT('x', 200) FROM seq_1_to_100000");
		target.execute("DROP TABLE IF EXISTS items", "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40), qty INT, pad VARCHAR(200))",
				"INSERT INTO items SELECT i, 'item number ' || i, i % 97, repeat('x', 200) FROM generate_series(1, 100000) i"
						+ " WHERE i <> 17",
				"UPDATE items SET qty = 1000 WHERE id = 77777", "INSERT INTO items VALUES (200001, 'extra', 0, '')");
	}

	@ParameterizedTest(name = "the {0} stops answering")
	@ValueSource(strings = { "source", "target" })
	void aNetworkThatStopsAnsweringMidStreamFailsTheDiffWithinTheStallTimeoutAndARestartCompletesIt(String side)
			throws Exception {
		StallingProxy proxy = side.equals("source") ? sourceProxy : targetProxy;

		// given: the diff is streaming (a chunk of rows committed; 20 MB a side, more than socket buffers hold);
		// then 100 kB more pass, then nothing, nothing closed
		// (a Runnable: @SpringBatchTest would call any method returning a JobExecution, lambdas included)
		CompletableFuture<Object> run = new CompletableFuture<>();
		Thread.ofPlatform().start(() -> {
			try {
				run.complete(jobOperatorTestUtils.startJob(JobTestSupport.launch()));
			}
			catch (Exception ex) {
				run.completeExceptionally(ex);
			}
		});
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (rowsSeen() == 0 && !run.isDone() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		proxy.stallAfter(100_000);
		long armed = System.nanoTime();
		JobExecution failed;
		try {
			failed = (JobExecution) run.get(5, TimeUnit.MINUTES);
		}
		finally {
			proxy.recover();
		}
		Duration took = Duration.ofNanos(System.nanoTime() - armed);

		// then: FAILED, soon after the stall timeout, with the sentence naming the database and the setting
		assertThat(proxy.stalled()).as("the proxy stalled mid-stream").isTrue();
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(took).as("failed within the stall timeout plus a margin").isLessThan(Duration.ofSeconds(30));
		List<DatabaseStalledException> stalls = stalls(failed);
		assertThat(stalls).as("the failure is the stall").isNotEmpty();
		assertThat(stalls).extracting(Throwable::getMessage)
			.allMatch((m) -> m.equals(side + " database stopped answering: no rows arrived for 2 s while streaming (parity."
					+ side + ".stall-timeout); check the network and the database, then run the command again to restart"));

		// when the network answers again (above), the failed run is restarted
		JobExecution restarted = jobOperatorTestUtils.getJobOperator().restart(failed);

		// then it completes with exactly the planted discrepancies
		assertThat(restarted.getStatus()).as(restarted.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(discrepancies.find(DiscrepancyStatus.OPEN)
			.stream()
			.map((d) -> d.type() + " " + d.key().values() + " " + d.column())
			.sorted()
			.collect(Collectors.toList())).containsExactly("EXTRA_IN_TARGET [200001] null",
					"FIELD_MISMATCH [77777] qty", "MISSING_IN_TARGET [17] null");
	}

	private long rowsSeen() {
		return control.queryForObject("SELECT COALESCE(SUM(rows_seen), 0) FROM parity_diff_progress", Long.class);
	}

	private static List<DatabaseStalledException> stalls(JobExecution execution) {
		List<Throwable> failures = new ArrayList<>(execution.getAllFailureExceptions());
		execution.getStepExecutions().forEach((s) -> failures.addAll(s.getFailureExceptions()));
		List<DatabaseStalledException> stalls = new ArrayList<>();
		for (Throwable failure : failures) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof DatabaseStalledException stall) {
					stalls.add(stall);
				}
			}
		}
		return stalls;
	}

}
