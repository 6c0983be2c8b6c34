package dev.parity.core.config;

import java.time.Duration;

/**
 * {@code parity.cutover.triggers}: the rollback triggers of the kill switch (DESIGN.md §3). Each fires
 * when its signal stays above the threshold for its whole window, so one spike does not fire it.
 *
 * @param errorRate error rate as a fraction of requests (default above 0.015 = 1.5 % for 2m)
 * @param transactionFailures failed transactions as a fraction (default above 0.005 = 0.5 % for 2m)
 * @param responseTime p95 response time, as a factor of {@code parity.sla.response-time} (default
 *     above 1.2 × the SLA for 2m; off without an SLA)
 */
public record CutoverTriggers(TriggerSettings errorRate, TriggerSettings transactionFailures,
		TriggerSettings responseTime) {

	public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(2);

	public static final CutoverTriggers DEFAULTS = new CutoverTriggers(null, null, null);

	public CutoverTriggers {
		errorRate = TriggerSettings.orDefault(errorRate, 0.015, DEFAULT_WINDOW);
		transactionFailures = TriggerSettings.orDefault(transactionFailures, 0.005, DEFAULT_WINDOW);
		responseTime = TriggerSettings.orDefault(responseTime, 1.2, DEFAULT_WINDOW);
	}

}
