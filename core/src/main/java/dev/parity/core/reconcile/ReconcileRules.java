package dev.parity.core.reconcile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.parity.core.config.ReconcileRule;
import dev.parity.core.config.TableMapping;
import dev.parity.core.repository.DiscrepancyType;

/**
 * The reconciliation rule of each discrepancy type on a table: DESIGN.md §2's defaults, overridden by
 * the table's {@code rules:}. Each type accepts only the rules that make sense for it, e.g.
 * {@code MISSING_IN_TARGET} accepts {@code insert}, {@code report-only} or {@code pause}, never
 * {@code delete}.
 */
public final class ReconcileRules {

	private static final Map<DiscrepancyType, ReconcileRule> DEFAULTS = new EnumMap<>(Map.of(
			DiscrepancyType.MISSING_IN_TARGET, ReconcileRule.INSERT, DiscrepancyType.FIELD_MISMATCH, ReconcileRule.UPDATE,
			DiscrepancyType.DUPLICATE_IN_TARGET, ReconcileRule.DELETE, DiscrepancyType.EXTRA_IN_TARGET,
			ReconcileRule.DELETE, DiscrepancyType.SCHEMA_CONFLICT, ReconcileRule.PAUSE, DiscrepancyType.COUNT_MISMATCH,
			ReconcileRule.REPORT_ONLY));

	private static final Map<DiscrepancyType, Set<ReconcileRule>> ALLOWED = new EnumMap<>(Map.of(
			DiscrepancyType.MISSING_IN_TARGET, Set.of(ReconcileRule.INSERT, ReconcileRule.REPORT_ONLY, ReconcileRule.PAUSE),
			DiscrepancyType.FIELD_MISMATCH, Set.of(ReconcileRule.UPDATE, ReconcileRule.REPORT_ONLY, ReconcileRule.PAUSE),
			DiscrepancyType.DUPLICATE_IN_TARGET, Set.of(ReconcileRule.DELETE, ReconcileRule.REPORT_ONLY, ReconcileRule.PAUSE),
			DiscrepancyType.EXTRA_IN_TARGET, Set.of(ReconcileRule.DELETE, ReconcileRule.REPORT_ONLY, ReconcileRule.PAUSE),
			DiscrepancyType.SCHEMA_CONFLICT, Set.of(ReconcileRule.PAUSE, ReconcileRule.REPORT_ONLY),
			DiscrepancyType.COUNT_MISMATCH, Set.of(ReconcileRule.REPORT_ONLY)));

	/** The row-level types that reconciliation can repair. */
	public static final Set<DiscrepancyType> ROW_TYPES = Set.of(DiscrepancyType.MISSING_IN_TARGET,
			DiscrepancyType.FIELD_MISMATCH, DiscrepancyType.DUPLICATE_IN_TARGET, DiscrepancyType.EXTRA_IN_TARGET);

	private ReconcileRules() {
	}

	/** The rule for {@code type} on {@code table}. */
	public static ReconcileRule of(TableMapping table, DiscrepancyType type) {
		ReconcileRule configured = table.rules().get(type.name());
		return configured != null ? configured : DEFAULTS.get(type);
	}

	/** The row-level types whose rule on {@code table} changes the target. */
	public static Set<DiscrepancyType> fixing(TableMapping table) {
		return ROW_TYPES.stream().filter((t) -> changesTarget(of(table, t))).collect(Collectors.toSet());
	}

	static boolean changesTarget(ReconcileRule rule) {
		return rule == ReconcileRule.INSERT || rule == ReconcileRule.UPDATE || rule == ReconcileRule.DELETE;
	}

	/**
	 * What is wrong with {@code table}'s {@code rules:}, as (normalised key, message) pairs: unknown
	 * types and rules that do not fit their type.
	 */
	public static List<Map.Entry<String, String>> problems(TableMapping table) {
		List<Map.Entry<String, String>> problems = new ArrayList<>();
		for (Map.Entry<String, ReconcileRule> entry : table.rules().entrySet()) {
			DiscrepancyType type;
			try {
				type = DiscrepancyType.valueOf(entry.getKey());
			}
			catch (IllegalArgumentException ex) {
				problems.add(Map.entry(entry.getKey(), "is not a discrepancy type; use one of " + List.of(DiscrepancyType.values())));
				continue;
			}
			if (entry.getValue() != null && !ALLOWED.get(type).contains(entry.getValue())) {
				problems.add(Map.entry(entry.getKey(), "'" + entry.getValue().text() + "' does not apply to " + type
						+ "; use one of " + ALLOWED.get(type).stream().map(ReconcileRule::text).sorted().toList()));
			}
		}
		return problems;
	}

}
