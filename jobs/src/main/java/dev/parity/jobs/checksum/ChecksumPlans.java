package dev.parity.jobs.checksum;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.parity.core.compare.ChecksumPlan;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;
import dev.parity.jobs.diff.DiffPlans;

/**
 * The checksum plans of one run, built from the diff's plans of the same table pairs (resolved once at
 * job start) and both engines' dialects: which tables are hashed in SQL and which in Parity.
 */
public class ChecksumPlans {

	private final Map<String, ChecksumPlan> plans = new LinkedHashMap<>();

	private final DiffPlans diffPlans;

	ChecksumPlans(DiffPlans diffPlans, SourceDatabase source, TargetDatabase target) {
		this.diffPlans = diffPlans;
		diffPlans.byName()
			.forEach((name, plan) -> plans.put(name, ChecksumPlan.of(plan, source.dialect(), target.dialect())));
	}

	public Map<String, ChecksumPlan> byName() {
		return plans;
	}

	/**
	 * What the run's result of {@code table} notes for the report, or null: why it was hashed in Parity
	 * rather than by the databases, and a lag window widened while replication lags.
	 */
	public String note(String table) {
		String notes = java.util.stream.Stream.of(get(table).fallback(), diffPlans.effectiveLagWindow(table).note())
			.filter(java.util.Objects::nonNull)
			.collect(java.util.stream.Collectors.joining("; "));
		return notes.isEmpty() ? null : notes;
	}

	public ChecksumPlan get(String table) {
		ChecksumPlan plan = plans.get(table);
		if (plan == null) {
			throw new IllegalStateException("table pair " + table + " is not part of this run");
		}
		return plan;
	}

}
