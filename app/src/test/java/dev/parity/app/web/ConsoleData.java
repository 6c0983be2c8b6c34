package dev.parity.app.web;

import java.time.Instant;
import java.util.Map;

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

}
