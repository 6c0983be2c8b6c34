package dev.parity.core.config;

import java.time.Duration;

/**
 * {@code parity.cutover}: the traffic phases, the rollback triggers of the kill switch, where the
 * target's health comes from, the webhook, and replication-lag alerts.
 *
 * <pre>
 * cutover:
 *   phases:   { canary: { share: 0.10, requires: [count-variance, match-rate] } }
 *   triggers: { error-rate: { threshold: 0.015, window: 2m } }
 *   metrics:  { prometheus-url: http://prometheus:9090, error-rate: "sum(rate(...))" }
 *   webhook:  { url: https://hooks.example.org/parity, retries: 3 }
 *   lag:      { threshold: 15m }
 * </pre>
 *
 * @param phases the share of traffic and the exit criteria of each phase after SHADOW
 * @param triggers the rollback triggers and their windows
 * @param metrics the Prometheus queries per signal (samples may also be pushed to {@code POST /api/metrics})
 * @param webhook where incidents and lag alerts are posted
 * @param lag the replication-lag alert threshold and an optional Prometheus lag query
 */
public record CutoverSettings(CutoverPhases phases, CutoverTriggers triggers, MetricSources metrics,
		WebhookSettings webhook, LagSettings lag) {

	public static final CutoverSettings DEFAULTS = new CutoverSettings(null, null, null, null, null);

	public CutoverSettings {
		phases = phases == null ? CutoverPhases.DEFAULTS : phases;
		triggers = triggers == null ? CutoverTriggers.DEFAULTS : triggers;
		metrics = metrics == null ? MetricSources.DEFAULTS : metrics;
		webhook = webhook == null ? WebhookSettings.DEFAULTS : webhook;
		lag = lag == null ? LagSettings.DEFAULTS : lag;
	}

	/** The same settings with the lag threshold filled in from {@code thresholds.max-lag} when unset. */
	CutoverSettings withLagThreshold(Duration maxLag) {
		if (lag.threshold() != null) {
			return this;
		}
		return new CutoverSettings(phases, triggers, metrics, webhook,
				new LagSettings(maxLag, lag.query(), lag.tableLabel()));
	}

}
