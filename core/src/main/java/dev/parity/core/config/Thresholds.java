package dev.parity.core.config;

import java.time.Duration;

/**
 * {@code parity.thresholds}.
 *
 * @param countVariance largest accepted |source - target| / source for a count check (default 0.0001 = 0.01 %)
 * @param maxLag the target's newest {@code updated-column} value may trail the source's by at most this
 *     much before a lag alert is raised (default 15m)
 */
public record Thresholds(Double countVariance, Duration maxLag) {

	public static final Thresholds DEFAULTS = new Thresholds(null, null);

	public Thresholds {
		countVariance = countVariance == null ? 0.0001 : countVariance;
		maxLag = maxLag == null ? Duration.ofMinutes(15) : maxLag;
	}

}
