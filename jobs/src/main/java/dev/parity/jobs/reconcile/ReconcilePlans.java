package dev.parity.jobs.reconcile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parity.core.compare.ComparePlan;
import dev.parity.core.mapping.TablePair;
import dev.parity.core.reconcile.FixPlanner;

/**
 * The table pairs of one reconcile run (paused ones left out), resolved against the live schemas once
 * the run's schema check has passed, with the fix planner of each.
 */
public class ReconcilePlans {

	private final Map<String, FixPlanner> planners = new LinkedHashMap<>();

	ReconcilePlans(List<TablePair> pairs) {
		pairs.forEach((pair) -> planners.put(pair.name(), new FixPlanner(ComparePlan.of(pair))));
	}

	public Map<String, FixPlanner> planners() {
		return planners;
	}

}
