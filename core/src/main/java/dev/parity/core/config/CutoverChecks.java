package dev.parity.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Pass-one rules of {@code parity.cutover} that one key alone cannot tell. */
final class CutoverChecks {

	private final List<ConfigProblem> problems;

	CutoverChecks(List<ConfigProblem> problems) {
		this.problems = problems;
	}

	void check(CutoverSettings cutover) {
		CutoverPhases phases = cutover.phases();
		phase("canary", phases.canary());
		phase("half", phases.half());
		phase("full", phases.full());
		phase("decommissioned", phases.decommissioned());
		if (phases.canary().share() > phases.half().share() || phases.half().share() > phases.full().share()) {
			add("parity.cutover.phases", "shares must not decrease from canary to half to full (found "
					+ phases.canary().share() + ", " + phases.half().share() + ", " + phases.full().share() + ")");
		}
		trigger("error-rate", cutover.triggers().errorRate());
		trigger("transaction-failures", cutover.triggers().transactionFailures());
		trigger("response-time", cutover.triggers().responseTime());
		MetricSources metrics = cutover.metrics();
		boolean anyQuery = metrics.errorRate() != null || metrics.transactionFailures() != null
				|| metrics.responseTime() != null || cutover.lag().query() != null;
		if (metrics.prometheusUrl() != null) {
			url("parity.cutover.metrics.prometheus-url", metrics.prometheusUrl());
		}
		else if (anyQuery) {
			add("parity.cutover.metrics.prometheus-url",
					"is required when a PromQL query is configured (e.g. http://prometheus:9090)");
		}
		positive("parity.cutover.metrics.poll-interval", metrics.pollInterval());
		positive("parity.cutover.metrics.timeout", metrics.timeout());
		WebhookSettings webhook = cutover.webhook();
		if (webhook.url() != null) {
			url("parity.cutover.webhook.url", webhook.url());
		}
		if (webhook.retries() < 0) {
			add("parity.cutover.webhook.retries", "must be 0 or more, not " + webhook.retries());
		}
		positive("parity.cutover.webhook.timeout", webhook.timeout());
	}

	private void phase(String name, PhaseSettings phase) {
		String path = "parity.cutover.phases." + name;
		if (phase.share() < 0 || phase.share() > 1) {
			add(path + ".share", "must be a fraction between 0 and 1 (0.1 = 10 % of the traffic), not " + phase.share());
		}
		for (String criterion : phase.requires()) {
			if (!CutoverPhases.ALL_CRITERIA.contains(criterion.toLowerCase(Locale.ROOT))) {
				add(path + ".requires", "unknown exit criterion '" + criterion + "'; known: "
						+ String.join(", ", CutoverPhases.ALL_CRITERIA));
			}
		}
	}

	private void trigger(String name, TriggerSettings trigger) {
		String path = "parity.cutover.triggers." + name;
		if (trigger.threshold() <= 0) {
			add(path + ".threshold", "must be above 0, not " + trigger.threshold());
		}
		if (trigger.window().isNegative()) {
			add(path + ".window", "must not be negative");
		}
	}

	private void positive(String path, Duration duration) {
		if (duration.isZero() || duration.isNegative()) {
			add(path, "must be longer than 0");
		}
	}

	private void url(String path, String value) {
		try {
			URI uri = new URI(value);
			if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
				return;
			}
		}
		catch (java.net.URISyntaxException ex) {
			// reported below
		}
		add(path, "'" + value + "' is not an http:// or https:// URL");
	}

	private void add(String path, String message) {
		problems.add(new ConfigProblem(path, 0, message));
	}

}
