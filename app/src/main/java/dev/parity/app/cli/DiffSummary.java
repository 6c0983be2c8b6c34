package dev.parity.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

import dev.parity.core.repository.DiffRepository;
import dev.parity.core.repository.DiffStats;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyType;

/** The summary table at the end of a diff run, one row per table pair. */
final class DiffSummary {

	private DiffSummary() {
	}

	/** Prints the run's diff statistics; returns 1 when the run saw discrepancies, else 0. */
	static int print(PrintWriter out, long runId, DiffRepository diffs, DiscrepancyRepository discrepancies) {
		TextTable table = new TextTable("table", "rows compared", "equal", "in flight", "fields compared", "mismatched",
				"match rate", "missing", "extra", "field", "duplicate");
		int found = 0;
		for (DiffStats stats : diffs.results(runId)) {
			Map<DiscrepancyType, Integer> seen = discrepancies.countSeenBy(runId, stats.table());
			found += seen.values().stream().mapToInt(Integer::intValue).sum();
			table.row(stats.table(), stats.rowsCompared(), stats.rowsEqual(), stats.rowsInFlight(),
					stats.fieldsCompared(), stats.fieldsMismatched(),
					String.format(Locale.ROOT, "%.4f %%", stats.matchRate() * 100),
					seen.getOrDefault(DiscrepancyType.MISSING_IN_TARGET, 0),
					seen.getOrDefault(DiscrepancyType.EXTRA_IN_TARGET, 0),
					seen.getOrDefault(DiscrepancyType.FIELD_MISMATCH, 0),
					seen.getOrDefault(DiscrepancyType.DUPLICATE_IN_TARGET, 0));
		}
		out.println("diff (run " + runId + ")");
		table.print(out);
		diffs.notes(runId).forEach((name, note) -> out.println(name + ": " + note));
		return found > 0 ? ExitCodes.FOUND : ExitCodes.OK;
	}

}
