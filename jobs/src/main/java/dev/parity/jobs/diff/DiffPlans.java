package dev.parity.jobs.diff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parity.core.compare.ComparePlan;
import dev.parity.core.lag.EffectiveLagWindow;
import dev.parity.core.lag.LagWindows;
import dev.parity.core.mapping.TablePair;

/**
 * The table pairs of one diff run, resolved against the live schemas once at job start and shared
 * by its steps, with each pair's effective lag window (widened while replication lags, see
 * {@link LagWindows}) decided once for the whole run.
 */
public class DiffPlans {

	private final Map<String, ComparePlan> plans = new LinkedHashMap<>();

	private final Map<String, EffectiveLagWindow> lagWindows = new LinkedHashMap<>();

	DiffPlans(List<TablePair> pairs, LagWindows windows) {
		pairs.forEach((pair) -> plans.put(pair.name(), ComparePlan.of(pair)));
		pairs.forEach((pair) -> lagWindows.put(pair.name(), windows.of(pair.name())));
	}

	/** The lag window of {@code table} in this run. */
	public java.time.Duration lagWindow(String table) {
		return lagWindows.get(table).window();
	}

	public EffectiveLagWindow effectiveLagWindow(String table) {
		return lagWindows.get(table);
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
