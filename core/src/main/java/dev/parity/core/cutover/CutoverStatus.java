package dev.parity.core.cutover;

import java.util.List;

import dev.parity.core.repository.CutoverRepository.Incident;

/**
 * The cutover as {@code GET /api/cutover} and {@code ./parity cutover status} show it.
 *
 * @param phase the current phase
 * @param targetShare the share of user traffic the router sends to the target now (0 to 1)
 * @param since when the phase was entered (ISO-8601; null before the first change)
 * @param changedBy who changed it last
 * @param nextPhase the phase {@code advance} would move to (null after DECOMMISSIONED)
 * @param armed whether the rollback triggers are watching (CANARY, HALF, FULL)
 * @param triggers each trigger's bar, window and latest sample
 * @param lastIncident the latest kill-switch firing or rollback, null if none
 */
public record CutoverStatus(Phase phase, double targetShare, String since, String changedBy, Phase nextPhase,
		boolean armed, List<TriggerState> triggers, Incident lastIncident) {

	/**
	 * One trigger as it stands.
	 *
	 * @param signal {@code error-rate}, {@code transaction-failures} or {@code response-time}
	 * @param threshold the bar as a person reads it
	 * @param window e.g. {@code 2m}
	 * @param latest the newest sample as a person reads it, null if none
	 * @param latestAt when it was measured
	 */
	public record TriggerState(String signal, String threshold, String window, String latest, String latestAt) {
	}

}
