package dev.parity.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

import dev.parity.core.repository.Checkpoint;
import dev.parity.core.repository.CheckpointRepository;
import dev.parity.core.repository.ChecksumTableSummary;
import dev.parity.core.repository.DiffRepository;
import dev.parity.core.repository.DiffStats;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyType;

/** The summary table at the end of a checksum run, one row per table pair, and its checkpoint. */
final class ChecksumSummary {

	private ChecksumSummary() {
	}

	/** Prints the run's checksum results; returns 1 when the run saw discrepancies, else 0. */
	static int print(PrintWriter out, long runId, CheckpointRepository checkpoints, DiffRepository diffs,
			DiscrepancyRepository discrepancies) {
		Checkpoint checkpoint = checkpoints.byRunId(runId).orElse(null);
		Map<String, DiffStats> stats = new java.util.TreeMap<>();
		diffs.results(runId, "CHECKSUM").forEach((s) -> stats.put(s.table(), s));
		TextTable table = new TextTable("table", "hashed in", "rows (s/t)", "chunks", "differing", "rows fetched",
				"bytes fetched", "in flight", "missing", "extra", "field", "duplicate");
		int found = 0;
		for (ChecksumTableSummary s : checkpoint == null ? java.util.List.<ChecksumTableSummary>of()
				: checkpoints.summary(checkpoint.number())) {
			Map<DiscrepancyType, Integer> seen = discrepancies.countSeenBy(runId, s.table());
			found += seen.values().stream().mapToInt(Integer::intValue).sum();
			DiffStats row = stats.get(s.table());
			table.row(s.table(), CheckpointRepository.SQL.equals(s.method()) ? "databases" : "Parity (fallback)",
					s.sourceRows() + "/" + s.targetRows(), s.chunks(), s.mismatched(), s.rowsFetched(),
					String.format(Locale.ROOT, "%,d", s.bytesFetched()), row == null ? 0 : row.rowsInFlight(),
					seen.getOrDefault(DiscrepancyType.MISSING_IN_TARGET, 0), seen.getOrDefault(DiscrepancyType.EXTRA_IN_TARGET, 0),
					seen.getOrDefault(DiscrepancyType.FIELD_MISMATCH, 0),
					seen.getOrDefault(DiscrepancyType.DUPLICATE_IN_TARGET, 0));
		}
		out.println("checksum (run " + runId + (checkpoint == null ? "" : ", checkpoint " + checkpoint.number()) + ")");
		table.print(out);
		// why a table was hashed in Parity, and a lag window widened while replication lags
		diffs.notes(runId, "CHECKSUM").forEach((name, note) -> out.println("note: " + name + ": " + note));
		return found > 0 ? ExitCodes.FOUND : ExitCodes.OK;
	}

}
