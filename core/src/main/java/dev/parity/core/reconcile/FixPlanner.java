package dev.parity.core.reconcile;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.Field;

import dev.parity.core.canonical.ColumnRule;
import dev.parity.core.compare.ComparePlan;
import dev.parity.core.compare.Comparison;
import dev.parity.core.compare.RowComparator;
import dev.parity.core.compare.RowQueries;
import dev.parity.core.config.ReconcileRule;
import dev.parity.core.config.TableMapping;
import dev.parity.core.reconcile.ReconcileDecision.Outcome;
import dev.parity.core.repository.Discrepancy;
import dev.parity.core.repository.DiscrepancyType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides the fix of one key from both sides as they are now (re-read by key), not as they were
 * when the discrepancy was recorded: both agree → self-healed; either updated inside the lag window →
 * left for the next run; otherwise the table's rule for the key's present state applies, and the
 * target is brought to the source's current values through the mapping (computed columns are
 * evaluated by the source).
 *
 * <p>Rows handled here have the comparison layout {@code [key..., compared..., updated?]} followed by
 * the target's other columns ({@link #extraColumns()}; target rows only), so that a duplicated key can
 * be put back exactly as the copy that is kept.
 */
public final class FixPlanner {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ComparePlan plan;

	private final RowComparator comparator;

	private final List<Field<?>> extras;

	private final int width;

	public FixPlanner(ComparePlan plan) {
		this.plan = plan;
		this.comparator = new RowComparator(plan);
		Set<String> known = new java.util.HashSet<>();
		plan.pair().targetKey().forEach((f) -> known.add(f.getName().toLowerCase(Locale.ROOT)));
		plan.pair().columns().forEach((c) -> known.add(c.target().getName().toLowerCase(Locale.ROOT)));
		this.extras = Arrays.stream(plan.pair().target().fields())
			.filter((f) -> !known.contains(f.getName().toLowerCase(Locale.ROOT)))
			.<Field<?>>map((f) -> f)
			.toList();
		this.width = plan.keySize() + plan.columnCount() + (plan.pair().lagAware() ? 1 : 0);
	}

	public ComparePlan plan() {
		return plan;
	}

	/** Target columns neither in the key nor compared (e.g. ignored ones). */
	public List<Field<?>> extraColumns() {
		return extras;
	}

	/**
	 * Whole target rows of {@code keys}, in the layout described above, read as the merge reads rows
	 * ({@code java.time} values, instants in UTC); a superset where the engine's collation folds keys.
	 */
	public List<Object[]> targetRows(dev.parity.core.connect.Database target, List<Object[]> keys) {
		return target.fetch(RowQueries.byKeys(target.dsl(), plan, false, keys, extras),
				RowQueries.readers(plan, false, target, extras));
	}

	/**
	 * @param recorded the open discrepancies of one key (at least one)
	 * @param source the source row now, or null
	 * @param targets the target's copies now
	 * @param cutoff rows updated at or after this are in flight; null disables the lag window
	 */
	public ReconcileDecision decide(List<Discrepancy> recorded, Object[] source, List<Object[]> targets,
			LocalDateTime cutoff) {
		TableMapping mapping = plan.pair().mapping();
		String before = canonicalRows(targets);
		if (source == null && targets.isEmpty()) {
			return none(recorded, Outcome.SELF_HEALED, null, "the row is on neither side any more", before);
		}
		Comparison.Outcome outcome = comparator.outcome(source, targets, cutoff);
		if (outcome == Comparison.Outcome.IN_FLIGHT) {
			return none(recorded, Outcome.IN_FLIGHT, null, "updated within the lag window; left for the next run", before);
		}
		if (outcome == Comparison.Outcome.EQUAL) {
			return none(recorded, Outcome.SELF_HEALED, null, "both sides agree on re-read (it was in flight)", before);
		}
		DiscrepancyType state = targets.isEmpty() ? DiscrepancyType.MISSING_IN_TARGET
				: source == null ? DiscrepancyType.EXTRA_IN_TARGET
						: targets.size() > 1 ? DiscrepancyType.DUPLICATE_IN_TARGET : DiscrepancyType.FIELD_MISMATCH;
		ReconcileRule rule = ReconcileRules.of(mapping, state);
		String ruleText = state + ": " + rule.text();
		if (rule == ReconcileRule.REPORT_ONLY) {
			return none(recorded, Outcome.REPORT_ONLY, ruleText, "left open by rule " + ruleText, before);
		}
		if (rule == ReconcileRule.PAUSE) {
			return none(recorded, Outcome.PAUSE, ruleText, "table paused by rule " + ruleText, before);
		}
		return switch (state) {
			case MISSING_IN_TARGET -> fix(recorded, FixAction.INSERT, ruleText, before, java.util.Collections.<Object[]>singletonList(source),
					List.of(insert(source, false)));
			case EXTRA_IN_TARGET -> fix(recorded, FixAction.DELETE, ruleText, before, List.of(), List.of(delete(targets.get(0))));
			case DUPLICATE_IN_TARGET -> {
				Object[] kept = best(source, targets);
				boolean update = ReconcileRules.of(mapping, DiscrepancyType.FIELD_MISMATCH) == ReconcileRule.UPDATE;
				Object[] merged = merge(kept, source, update ? mismatched(source, kept) : List.of());
				yield fix(recorded, FixAction.DEDUPLICATE, ruleText
						+ (update ? "; FIELD_MISMATCH: update" : ""), before, java.util.Collections.<Object[]>singletonList(merged),
						List.of(delete(kept), insert(merged, true)));
			}
			default -> {
				Object[] target = targets.get(0);
				List<Integer> columns = mismatched(source, target);
				yield fix(recorded, FixAction.UPDATE, ruleText, before, java.util.Collections.<Object[]>singletonList(merge(target, source, columns)),
						List.of(update(target, source, columns)));
			}
		};
	}

	/** The copies of a key as canonical rows (key and compared columns), as a JSON list in a stable order. */
	public String canonicalRows(List<Object[]> rows) {
		List<String> texts = rows.stream().map((r) -> JSON.writeValueAsString(canonicalRow(r))).sorted().toList();
		return "[" + String.join(",", texts) + "]";
	}

	/**
	 * Whether the target's copies {@code current} hold what {@code expected} (from
	 * {@link #canonicalRows}) describes, under the columns' compare rules (tolerance, trim, ...).
	 */
	public boolean holds(String expected, List<Object[]> current) {
		List<Map<String, String>> wanted = JSON.readValue(expected, new TypeReference<List<Map<String, String>>>() {
		});
		if (wanted.size() != current.size()) {
			return false;
		}
		List<Map<String, String>> present = new ArrayList<>(current.stream().map(this::canonicalRow).toList());
		for (Map<String, String> row : wanted) {
			Map<String, String> match = present.stream().filter((p) -> same(row, p)).findFirst().orElse(null);
			if (match == null) {
				return false;
			}
			present.remove(match);
		}
		return true;
	}

	private boolean same(Map<String, String> expected, Map<String, String> present) {
		for (Field<?> key : plan.pair().targetKey()) {
			if (!java.util.Objects.equals(expected.get(key.getName()), present.get(key.getName()))) {
				return false;
			}
		}
		for (int i = 0; i < plan.columnCount(); i++) {
			String name = plan.pair().columns().get(i).name();
			if (!plan.rules().get(i).matches(expected.get(name), present.get(name))) {
				return false;
			}
		}
		return true;
	}

	private Map<String, String> canonicalRow(Object[] row) {
		Map<String, String> values = new LinkedHashMap<>(plan.keyText(plan.key(row)));
		for (int i = 0; i < plan.columnCount(); i++) {
			values.put(plan.pair().columns().get(i).name(), plan.rules().get(i).canonical(row[plan.keySize() + i]));
		}
		return values;
	}

	private ReconcileDecision none(List<Discrepancy> recorded, Outcome outcome, String rule, String reason, String before) {
		return new ReconcileDecision(plan.pair().name(), recorded.get(0).key(), ids(recorded), outcome, FixAction.NONE,
				rule, reason, before, null, List.of());
	}

	private ReconcileDecision fix(List<Discrepancy> recorded, FixAction action, String rule, String before,
			List<Object[]> after, List<FixStatement> statements) {
		return new ReconcileDecision(plan.pair().name(), recorded.get(0).key(), ids(recorded), Outcome.FIX, action, rule,
				"repaired by rule " + rule, before, canonicalRows(after), statements);
	}

	private static List<Long> ids(List<Discrepancy> recorded) {
		return recorded.stream().map(Discrepancy::id).sorted().toList();
	}

	// Compared columns (by index) whose values differ under their compare rule.
	private List<Integer> mismatched(Object[] source, Object[] target) {
		List<Integer> columns = new ArrayList<>();
		for (int i = 0; i < plan.columnCount(); i++) {
			ColumnRule rule = plan.rules().get(i);
			int at = plan.keySize() + i;
			if (!rule.matches(rule.canonical(source[at]), rule.canonical(target[at]))) {
				columns.add(i);
			}
		}
		return columns;
	}

	// The copy to keep: fewest differing columns, then the smallest canonical text (deterministic).
	private Object[] best(Object[] source, List<Object[]> copies) {
		return copies.stream()
			.min(Comparator.<Object[]>comparingInt((c) -> mismatched(source, c).size())
				.thenComparing((c) -> JSON.writeValueAsString(canonicalRow(c))))
			.orElseThrow();
	}

	private Object[] merge(Object[] target, Object[] source, List<Integer> columns) {
		Object[] merged = target.clone();
		columns.forEach((i) -> merged[plan.keySize() + i] = source[plan.keySize() + i]);
		return merged;
	}

	private FixStatement insert(Object[] row, boolean withExtras) {
		List<Field<?>> fields = new ArrayList<>(plan.pair().targetKey());
		List<Object> values = new ArrayList<>(Arrays.asList(row).subList(0, plan.keySize() + plan.columnCount()));
		plan.pair().columns().forEach((c) -> fields.add(c.target()));
		if (withExtras) {
			fields.addAll(extras);
			values.addAll(Arrays.asList(row).subList(width, width + extras.size()));
		}
		for (int i = 0; i < values.size(); i++) {
			values.set(i, forTarget(values.get(i), fields.get(i)));
		}
		return new FixStatement(FixStatement.Kind.INSERT, plan.pair().target(), fields, values, List.of(), List.of());
	}

	private Object forTarget(Object value, Field<?> column) {
		return TargetValues.forColumn(value, column.getDataType(), plan.pair().sourceZone(), plan.pair().targetZone());
	}

	private FixStatement delete(Object[] target) {
		return new FixStatement(FixStatement.Kind.DELETE, plan.pair().target(), List.of(), List.of(),
				plan.pair().targetKey(), Arrays.asList(plan.key(target)));
	}

	private FixStatement update(Object[] target, Object[] source, List<Integer> columns) {
		List<Field<?>> fields = columns.stream().<Field<?>>map((i) -> plan.pair().columns().get(i).target()).toList();
		List<Object> values = columns.stream()
			.map((i) -> forTarget(source[plan.keySize() + i], plan.pair().columns().get(i).target()))
			.collect(Collectors.toList());
		return new FixStatement(FixStatement.Kind.UPDATE, plan.pair().target(), fields, values, plan.pair().targetKey(),
				Arrays.asList(plan.key(target)));
	}

}
