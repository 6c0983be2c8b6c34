package dev.parity.core.config;

import java.time.Duration;

/**
 * {@code parity.cutover.metrics}: where {@code ./parity serve} pulls the target's health from, one
 * PromQL instant query per signal against Prometheus' HTTP API ({@code GET /api/v1/query}). A signal
 * without a query is only fed by {@code POST /api/metrics}.
 *
 * @param prometheusUrl the Prometheus base URL, e.g. {@code http://prometheus:9090} (default: none, no pull)
 * @param errorRate PromQL giving the error rate as a fraction of requests
 * @param transactionFailures PromQL giving failed transactions as a fraction
 * @param responseTime PromQL giving the p95 response time in seconds (Prometheus' base unit)
 * @param pollInterval how often serve pulls and evaluates the triggers (default 15s)
 * @param timeout how long one query may take (default 10s)
 */
public record MetricSources(String prometheusUrl, String errorRate, String transactionFailures, String responseTime,
		Duration pollInterval, Duration timeout) {

	public static final MetricSources DEFAULTS = new MetricSources(null, null, null, null, null, null);

	public MetricSources {
		pollInterval = pollInterval == null ? Duration.ofSeconds(15) : pollInterval;
		timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
	}

}
