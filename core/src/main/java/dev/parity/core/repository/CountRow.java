package dev.parity.core.repository;

/**
 * A stored count check result, as read back for summaries and reports.
 *
 * @param lagSeconds how far the target trailed the source when a lag alert was raised, else null
 */
public record CountRow(String table, long sourceCount, long targetCount, long sourceInFlight, long targetInFlight,
		double variance, double threshold, boolean passed, long durationMs, Long lagSeconds) {

}
