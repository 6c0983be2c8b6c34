package dev.parity.core.config;

/**
 * {@code parity.reconcile}: the safety valves of reconciliation.
 *
 * @param maxFixes most rows one run may change, over all tables (default 10000); a run that would
 *     change more stops before changing anything
 * @param maxTablePercent most rows one run may change in one table, as a percentage of the table's
 *     rows (default 10); more signals a mapping bug rather than drift
 * @param maxRowsPerSecond rows changed per second at most, to spare a target under production load
 *     (default 0: unthrottled)
 * @param batchSize discrepancies re-read and repaired per target transaction (default 500)
 */
public record ReconcileSettings(Integer maxFixes, Double maxTablePercent, Double maxRowsPerSecond, Integer batchSize) {

	public static final ReconcileSettings DEFAULTS = new ReconcileSettings(null, null, null, null);

	public ReconcileSettings {
		maxFixes = maxFixes == null ? 10_000 : maxFixes;
		maxTablePercent = maxTablePercent == null ? 10.0 : maxTablePercent;
		maxRowsPerSecond = maxRowsPerSecond == null ? 0.0 : maxRowsPerSecond;
		batchSize = batchSize == null ? 500 : batchSize;
		if (maxFixes < 0 || batchSize < 1) {
			throw new IllegalArgumentException("max-fixes must not be negative and batch-size must be at least 1");
		}
		if (maxTablePercent <= 0 || maxTablePercent > 100) {
			throw new IllegalArgumentException("max-table-percent must be above 0 and at most 100, not " + maxTablePercent);
		}
		if (maxRowsPerSecond < 0) {
			throw new IllegalArgumentException("max-rows-per-second must not be negative (0 means unthrottled)");
		}
	}

}
