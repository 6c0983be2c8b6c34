package dev.parity.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

import dev.parity.core.repository.CheckResultRepository;
import dev.parity.core.repository.CountRow;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyType;

/** The summary table at the end of a counts run, one row per table pair. */
final class CountsSummary {

	private CountsSummary() {
	}

	/** Prints the run's counts; returns 1 when the run saw discrepancies, else 0. */
	static int print(PrintWriter out, long runId, CheckResultRepository results, DiscrepancyRepository discrepancies) {
		TextTable table = new TextTable("table", "source", "target", "in-flight (s/t)", "variance", "threshold",
				"verdict", "lag alert");
		int found = 0;
		for (CountRow row : results.findCounts(runId)) {
			Map<DiscrepancyType, Integer> seen = discrepancies.countSeenBy(runId, row.table());
			found += seen.values().stream().mapToInt(Integer::intValue).sum();
			table.row(row.table(), row.sourceCount(), row.targetCount(),
					row.sourceInFlight() + "/" + row.targetInFlight(), percent(row.variance()), percent(row.threshold()),
					row.passed() ? "pass" : "COUNT_MISMATCH",
					row.lagSeconds() == null ? "" : "target " + row.lagSeconds() + " s behind");
		}
		out.println("counts (run " + runId + ")");
		table.print(out);
		return found > 0 ? ExitCodes.FOUND : ExitCodes.OK;
	}

	static String percent(double fraction) {
		return String.format(Locale.ROOT, "%.4f %%", fraction * 100);
	}

}
