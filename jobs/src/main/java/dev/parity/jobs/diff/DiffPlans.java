package dev.parity.jobs.diff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parity.core.compare.ComparePlan;
import dev.parity.core.mapping.TablePair;

/**
 * The table pairs of one diff run, resolved against the live schemas once at job start and shared
 * by its steps.
 */
public class DiffPlans {

	private final Map<String, ComparePlan> plans = new LinkedHashMap<>();

	DiffPlans(List<TablePair> pairs) {
		pairs.forEach((pair) -> plans.put(pair.name(), ComparePlan.of(pair)));
	}

	public Map<String, ComparePlan> byName() {
		return plans;
	}

	public ComparePlan get(String table) {
		ComparePlan plan = plans.get(table);
		if (plan == null) {
			throw new IllegalStateException("table pair " + table + " is not part of this run");
		}
		return plan;
	}

}
