package dev.parity.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parity.core.reconcile.ReconcileRules;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyStatus;
import dev.parity.core.repository.DiscrepancyType;
import dev.parity.core.repository.FixJournal;
import dev.parity.core.repository.FixStatus;

/** The summary table at the end of a reconcile run, one row per table pair, and its exit code. */
final class ReconcileSummary {

	private static final List<String> ACTIONS = List.of("INSERT", "UPDATE", "DELETE", "DEDUPLICATE");

	private ReconcileSummary() {
	}

	/**
	 * Prints what the run changed (or would change, for a dry run) per table; returns 0 when no
	 * row-level discrepancy or schema conflict of the selected tables is left open or failed, else 1.
	 */
	static int print(PrintWriter out, long runId, List<String> tables, Path dryRunSql, FixJournal journal,
			DiscrepancyRepository discrepancies) {
		Map<String, int[]> rows = new LinkedHashMap<>();
		tables.forEach((t) -> rows.put(t, new int[7]));
		FixStatus changed = dryRunSql != null ? FixStatus.DRY_RUN : FixStatus.CONFIRMED;
		for (FixJournal.FixCount count : journal.counts(runId)) {
			int[] row = rows.computeIfAbsent(count.table(), (t) -> new int[7]);
			if (count.status() == changed) {
				row[ACTIONS.indexOf(count.action())] += count.count();
			}
			else if (count.status() == FixStatus.SELF_HEALED) {
				row[4] += count.count();
			}
			else if (count.status() == FixStatus.FAILED) {
				row[5] += count.count();
			}
			else if (count.status() != FixStatus.CONFIRMED && count.status() != FixStatus.DRY_RUN) {
				row[6] += count.count();
			}
		}
		String verb = dryRunSql != null ? "would " : "";
		TextTable table = new TextTable("table", verb + "insert", verb + "update", verb + "delete", verb + "deduplicate",
				"self-healed", "failed", "left open");
		rows.forEach((name, r) -> table.row(name, r[0], r[1], r[2], r[3], r[4], r[5], r[6]));
		out.println("reconcile (run " + runId + (dryRunSql != null ? ", dry run: nothing changed" : "") + ")");
		table.print(out);
		if (dryRunSql != null) {
			out.println("SQL it would run: " + dryRunSql.toAbsolutePath());
		}
		int failed = rows.values().stream().mapToInt((r) -> r[5]).sum();
		List<FixJournal.FixFailure> failures = journal.failures(runId, 5);
		for (FixJournal.FixFailure failure : failures) {
			out.println("failed: " + failure.table() + " " + failure.keyJson() + ": " + failure.reason());
		}
		if (failed > failures.size()) {
			out.println("... and " + (failed - failures.size()) + " more failed fixes (./parity discrepancies --status all)");
		}
		List<DiscrepancyType> types = new ArrayList<>(ReconcileRules.ROW_TYPES);
		types.add(DiscrepancyType.SCHEMA_CONFLICT);
		int left = discrepancies.count(tables, types, EnumSet.of(DiscrepancyStatus.OPEN, DiscrepancyStatus.FAILED));
		if (left > 0) {
			out.println(left + " row or schema discrepancies are open or failed (./parity discrepancies)");
		}
		return left > 0 ? ExitCodes.FOUND : ExitCodes.OK;
	}

}
