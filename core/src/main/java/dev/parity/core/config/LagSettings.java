package dev.parity.core.config;

import java.time.Duration;

/**
 * {@code parity.cutover.lag}: replication lag per table, recorded by each counts run.
 *
 * @param threshold above it a lag alert is posted to the webhook and diff widens its lag window to
 *     the measured lag (default: {@code parity.thresholds.max-lag})
 * @param query optional PromQL of the CDC tool's lag in seconds, one series per table; without it
 *     the lag is measured from the {@code updated-column} watermarks
 * @param tableLabel the label naming the table pair in the query's series (default {@code table})
 */
public record LagSettings(Duration threshold, String query, String tableLabel) {

	public static final LagSettings DEFAULTS = new LagSettings(null, null, null);

	public LagSettings {
		tableLabel = tableLabel == null || tableLabel.isBlank() ? "table" : tableLabel;
	}

}
