package dev.parity.core.lag;

import java.time.Duration;
import java.time.Instant;

import dev.parity.core.cutover.Durations;

/**
 * The lag window a comparison uses for one table: the configured {@code lag-window}, widened to the
 * measured replication lag while that lag is above the alert threshold, so that rows the target has
 * not received yet are judged in flight rather than reported as defects.
 *
 * <p>Example: lag-window 5m, threshold 15m, last counts run measured 32m → window 32m, widened; measured
 * 10m → window 5m, not widened.
 *
 * @param table the table pair
 * @param configured {@code parity.lag-window}
 * @param measuredLag the latest measured lag, null when never measured
 * @param measuredAt when it was measured, null when never
 * @param threshold {@code parity.cutover.lag.threshold}
 * @param window the window to use
 */
public record EffectiveLagWindow(String table, Duration configured, Duration measuredLag, Instant measuredAt,
		Duration threshold, Duration window) {

	/** Judges one table. */
	public static EffectiveLagWindow of(String table, Duration configured, Duration threshold, Duration measuredLag,
			Instant measuredAt) {
		Duration window = configured;
		if (measuredLag != null && measuredLag.compareTo(threshold) > 0 && measuredLag.compareTo(configured) > 0) {
			// Whole seconds, rounded up: the window must cover the lag.
			window = Duration.ofSeconds(measuredLag.toSeconds() + (measuredLag.toNanosPart() > 0 ? 1 : 0));
		}
		return new EffectiveLagWindow(table, configured, measuredLag, measuredAt, threshold, window);
	}

	public boolean widened() {
		return window.compareTo(configured) > 0;
	}

	/** What a report says about it; null when not widened. */
	public String note() {
		if (!widened()) {
			return null;
		}
		return "lag window widened from " + Durations.text(configured) + " to " + Durations.text(window)
				+ ": replication lag " + Durations.text(window) + " measured at " + measuredAt + " is above the "
				+ Durations.text(threshold) + " threshold";
	}

}
