package dev.parity.core.reconcile;

import java.util.List;
import java.util.Map;

/**
 * What reconciliation decided for one key of one table after re-reading both sides.
 *
 * @param table the table pair's name
 * @param key key column to canonical text, as in discrepancies
 * @param discrepancyIds the open discrepancies of this key that the decision settles
 * @param outcome fix, self-healed, or left open (in flight, report-only, pause)
 * @param action what the fix does; {@code NONE} unless {@code outcome} is {@code FIX}
 * @param rule the rule applied, e.g. {@code MISSING_IN_TARGET: insert}; null when none applied
 * @param reason why, in a few words
 * @param before the target's copies of the key before the fix (JSON list of canonical rows)
 * @param after the copies expected after the fix, in the same form; null unless a fix
 * @param statements the target statements, in order; empty unless a fix
 */
public record ReconcileDecision(String table, Map<String, String> key, List<Long> discrepancyIds, Outcome outcome,
		FixAction action, String rule, String reason, String before, String after, List<FixStatement> statements) {

	public enum Outcome {

		FIX, SELF_HEALED, IN_FLIGHT, REPORT_ONLY, PAUSE

	}

	public ReconcileDecision {
		discrepancyIds = List.copyOf(discrepancyIds);
		statements = List.copyOf(statements);
	}

}
