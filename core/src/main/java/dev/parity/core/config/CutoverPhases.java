package dev.parity.core.config;

import java.util.List;

/**
 * {@code parity.cutover.phases}: each phase after SHADOW (which always sends 0 % of the traffic to
 * the target), with its share and the exit criteria that must pass to advance into it. FULL and
 * DECOMMISSIONED always need every exit criterion (and an approver), whatever {@code requires} says.
 *
 * @param canary default share 0.10, requires count-variance and match-rate
 * @param half default share 0.50, requires critical-defects, count-variance and match-rate
 * @param full default share 1.0
 * @param decommissioned default share 1.0 (the legacy system is switched off)
 */
public record CutoverPhases(PhaseSettings canary, PhaseSettings half, PhaseSettings full,
		PhaseSettings decommissioned) {

	/** Every exit criterion, by the key used in {@code requires}, in the order {@code ./parity status} shows them. */
	public static final List<String> ALL_CRITERIA = List.of("critical-defects", "count-variance", "match-rate",
			"response-time");

	public static final CutoverPhases DEFAULTS = new CutoverPhases(null, null, null, null);

	public CutoverPhases {
		canary = PhaseSettings.orDefault(canary, 0.10, List.of("count-variance", "match-rate"));
		half = PhaseSettings.orDefault(half, 0.50, List.of("critical-defects", "count-variance", "match-rate"));
		full = PhaseSettings.orDefault(full, 1.0, ALL_CRITERIA);
		decommissioned = PhaseSettings.orDefault(decommissioned, 1.0, ALL_CRITERIA);
	}

}
