package dev.parity.app.web;

import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyType;
import dev.parity.core.repository.Finding;
import dev.parity.core.repository.RunRepository;

/** Test data in the console tests' control database: runs and discrepancies recorded as the jobs record them. */
final class ConsoleData {

	private ConsoleData() {
	}

	/** A run of {@code job} (its own fake job instance id). */
	static long run(RunRepository runs, String job, Instant at) {
		return runs.startOrResume(job, -System.nanoTime(), "test", "", at);
	}

	static long fieldMismatch(DiscrepancyRepository discrepancies, long runId, String table, String id, String column,
			String source, String target, Instant at) {
		return discrepancies.record(runId,
				new Finding(table, Map.of("id", id), DiscrepancyType.FIELD_MISMATCH, column, source, target, true, null), at);
	}

	/**
	 * Waits until no job launched by an earlier test is running, then empties Parity's own tables and
	 * the audit log (not Spring Batch's).
	 */
	static void clear(JdbcTemplate control, org.springframework.batch.core.repository.JobRepository jobs) {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(90))
			.until(() -> jobs.getJobNames().stream().allMatch((name) -> jobs.findRunningJobExecutions(name).isEmpty()));
		dev.parity.core.testsupport.ControlDatabase.clear(control);
	}

}
