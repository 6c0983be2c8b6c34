package dev.parity.core.cutover;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parity.core.config.MetricSources;

/**
 * The target's health pulled from Prometheus: one instant query per configured signal
 * ({@code parity.cutover.metrics}). A query answering several series counts its largest value (the
 * worst instance); one answering none gives no sample. The response time is queried in seconds and
 * kept in milliseconds.
 */
public class PrometheusMetricsSource implements MetricsSource {

	private final PrometheusClient client;

	private final Map<Signal, String> queries = new LinkedHashMap<>();

	public PrometheusMetricsSource(MetricSources settings) {
		this.client = new PrometheusClient(settings.prometheusUrl(), settings.timeout());
		put(Signal.ERROR_RATE, settings.errorRate());
		put(Signal.TRANSACTION_FAILURES, settings.transactionFailures());
		put(Signal.RESPONSE_TIME, settings.responseTime());
	}

	/** Whether parity.yml gives a Prometheus URL and at least one signal query. */
	public static boolean configured(MetricSources settings) {
		return settings.prometheusUrl() != null
				&& (settings.errorRate() != null || settings.transactionFailures() != null || settings.responseTime() != null);
	}

	private void put(Signal signal, String query) {
		if (query != null && !query.isBlank()) {
			queries.put(signal, query);
		}
	}

	@Override
	public List<Sample> poll() {
		List<Sample> samples = new ArrayList<>();
		for (Map.Entry<Signal, String> query : queries.entrySet()) {
			client.query(query.getValue())
				.stream()
				.max(Comparator.comparingDouble(PrometheusClient.Series::value))
				.ifPresent((worst) -> samples.add(new Sample(query.getKey(), worst.at(),
						query.getKey() == Signal.RESPONSE_TIME ? worst.value() * 1000 : worst.value())));
		}
		return samples;
	}

}
