package dev.parity.core.compare;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parity.core.canonical.Canonical;
import dev.parity.core.canonical.ColumnRule;
import dev.parity.core.repository.DiscrepancyType;
import dev.parity.core.repository.Finding;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares the source row of one key with the target's copies of it (zero, one, or more when the
 * target lacks the key constraint). Used by the diff's merge pass and by its confirmation pass, so
 * both judge alike.
 *
 * <ul>
 * <li>Either side updated at or after the cutoff: in flight, not judged.</li>
 * <li>No target copy: {@code MISSING_IN_TARGET} (source value: the row as JSON).</li>
 * <li>No source row: {@code EXTRA_IN_TARGET} (target value: the row as JSON).</li>
 * <li>More than one copy: {@code DUPLICATE_IN_TARGET} (target value: the number of copies); fields
 * are compared with the copy that matches best.</li>
 * <li>Otherwise one {@code FIELD_MISMATCH} per differing column with both canonical values.</li>
 * </ul>
 */
public final class RowComparator {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ComparePlan plan;

	private final Comparison equal;

	public RowComparator(ComparePlan plan) {
		this.plan = plan;
		this.equal = new Comparison(Comparison.Outcome.EQUAL, List.of(), plan.columnCount(), 0);
	}

	/**
	 * @param source the source row, or null
	 * @param targets the target rows of the same key (possibly empty)
	 * @param cutoff rows updated at or after this are in flight; null disables the lag window
	 */
	public Comparison compare(Object[] source, List<Object[]> targets, LocalDateTime cutoff) {
		if (inFlight(source, targets, cutoff)) {
			return Comparison.inFlight();
		}
		Object[] keyRow = source != null ? source : targets.get(0);
		String table = plan.pair().name();
		boolean critical = plan.pair().mapping().critical();
		int columns = plan.columnCount();
		if (targets.size() == 1 && source != null && equivalent(source, targets.get(0))) {
			return equal;
		}
		Map<String, String> key = plan.keyText(plan.key(keyRow));
		if (targets.isEmpty()) {
			return new Comparison(Comparison.Outcome.DIFFERENT, List.of(new Finding(table, key,
					DiscrepancyType.MISSING_IN_TARGET, null, rowJson(source), null, critical)), columns, columns);
		}
		if (source == null) {
			return new Comparison(Comparison.Outcome.DIFFERENT, List.of(new Finding(table, key,
					DiscrepancyType.EXTRA_IN_TARGET, null, null, rowJson(targets.get(0)), critical)), columns, columns);
		}
		List<Finding> findings = new ArrayList<>();
		if (targets.size() > 1) {
			findings.add(new Finding(table, key, DiscrepancyType.DUPLICATE_IN_TARGET, null, "1 copy",
					targets.size() + " copies", critical));
		}
		List<Finding> best = null;
		for (Object[] target : targets) {
			List<Finding> mismatches = fieldMismatches(table, key, critical, source, target);
			if (best == null || mismatches.size() < best.size()) {
				best = mismatches;
			}
		}
		findings.addAll(best);
		return new Comparison(findings.isEmpty() ? Comparison.Outcome.EQUAL : Comparison.Outcome.DIFFERENT,
				List.copyOf(findings), columns, best.size());
	}

	/**
	 * The outcome of {@link #compare} alone, without building findings (no canonical row texts): what
	 * reconciliation needs to tell in-flight, agreeing and differing keys apart.
	 */
	public Comparison.Outcome outcome(Object[] source, List<Object[]> targets, LocalDateTime cutoff) {
		if (inFlight(source, targets, cutoff)) {
			return Comparison.Outcome.IN_FLIGHT;
		}
		if (source == null || targets.size() != 1) {
			return Comparison.Outcome.DIFFERENT;
		}
		return equivalent(source, targets.get(0)) ? Comparison.Outcome.EQUAL : Comparison.Outcome.DIFFERENT;
	}

	// The common case, cheaply: each compared value equal as stored (canonical text is a function of the
	// stored value, so equal values have equal text), else equal as canonical text (a padded CHAR, a
	// TINYINT(1) against a BOOLEAN) — without building the key's text or any finding.
	private boolean equivalent(Object[] source, Object[] target) {
		int offset = plan.keySize();
		List<ColumnRule> rules = plan.rules();
		for (int i = 0; i < plan.columnCount(); i++) {
			Object s = source[offset + i];
			Object t = target[offset + i];
			if (!same(s, t)) {
				ColumnRule rule = rules.get(i);
				if (!rule.matches(rule.canonical(s), rule.canonical(t))) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean same(Object a, Object b) {
		if (a == null || b == null) {
			return a == b;
		}
		if (a.getClass() != b.getClass()) {
			return false;
		}
		if (a instanceof byte[] x) {
			return java.util.Arrays.equals(x, (byte[]) b);
		}
		return a.equals(b);
	}

	private List<Finding> fieldMismatches(String table, Map<String, String> key, boolean critical, Object[] source,
			Object[] target) {
		List<Finding> mismatches = List.of();
		int offset = plan.keySize();
		for (int i = 0; i < plan.columnCount(); i++) {
			ColumnRule rule = plan.rules().get(i);
			Object s = source[offset + i];
			Object t = target[offset + i];
			if (same(s, t)) {
				continue;
			}
			String sourceText = rule.canonical(s);
			String targetText = rule.canonical(t);
			if (!rule.matches(sourceText, targetText)) {
				if (mismatches.isEmpty()) {
					mismatches = new ArrayList<>();
				}
				mismatches.add(new Finding(table, key, DiscrepancyType.FIELD_MISMATCH,
						plan.pair().columns().get(i).name(), sourceText, targetText, critical));
			}
		}
		return mismatches;
	}

	private boolean inFlight(Object[] source, List<Object[]> targets, LocalDateTime cutoff) {
		if (cutoff == null || plan.updatedIndex() < 0) {
			return false;
		}
		if (inFlight(source, cutoff)) {
			return true;
		}
		for (Object[] target : targets) {
			if (inFlight(target, cutoff)) {
				return true;
			}
		}
		return false;
	}

	private boolean inFlight(Object[] row, LocalDateTime cutoff) {
		int index = plan.updatedIndex();
		if (row == null || cutoff == null || index < 0 || row[index] == null) {
			return false;
		}
		return !Canonical.localDateTime(row[index]).isBefore(cutoff);
	}

	private String rowJson(Object[] row) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < plan.columnCount(); i++) {
			values.put(plan.pair().columns().get(i).name(), plan.rules().get(i).canonical(row[plan.keySize() + i]));
		}
		return JSON.writeValueAsString(values);
	}

}
