package dev.parity.core.cutover;

import static dev.parity.core.cutover.CutoverFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parity.core.config.CutoverSettings;
import dev.parity.core.config.CutoverTriggers;
import dev.parity.core.config.MetricSources;
import dev.parity.core.config.TriggerSettings;
import dev.parity.core.config.UserRole;
import dev.parity.core.config.WebhookSettings;
import dev.parity.core.repository.CutoverRepository.Incident;

/**
 * The pull side against a real HTTP endpoint speaking Prometheus' HTTP API ({@code /api/v1/query},
 * instant vectors as JSON), served by the test: queries, units, several series, failures, and the
 * kill switch firing from pulled samples. Also the webhook's retries.
 */
class PrometheusMetricsSourceTests {

	static final String ERRORS = "sum(rate(http_requests_total{status=~\"5..\"}[1m])) / sum(rate(http_requests_total[1m]))";

	static final String LATENCY = "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[1m])))";

	// query → the JSON Prometheus answers with now
	final Map<String, String> answers = new ConcurrentHashMap<>();

	LocalHttp prometheus;

	@BeforeEach
	void start() throws Exception {
		prometheus = new LocalHttp((r) -> {
			String query = URLDecoder.decode(r.uri().substring(r.uri().indexOf("query=") + 6), StandardCharsets.UTF_8);
			String body = answers.get(query);
			return body == null ? new LocalHttp.Answer(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"unknown query\"}")
					: new LocalHttp.Answer(200, body);
		});
	}

	@AfterEach
	void stop() {
		prometheus.close();
	}

	static String vector(Instant at, String... seriesAndValues) {
		StringBuilder result = new StringBuilder();
		for (int i = 0; i < seriesAndValues.length; i += 2) {
			result.append(result.isEmpty() ? "" : ",")
				.append("{\"metric\":{\"instance\":\"").append(seriesAndValues[i]).append("\"},\"value\":[")
				.append(at.getEpochSecond()).append(".0,\"").append(seriesAndValues[i + 1]).append("\"]}");
		}
		return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + result + "]}}";
	}

	private MetricSources settings() {
		return new MetricSources(prometheus.url("/"), ERRORS, null, LATENCY, null, Duration.ofSeconds(2));
	}

	@Test
	void pollsOneInstantQueryPerSignalTakingTheWorstSeriesAndMillisecondsForLatency() {
		answers.put(ERRORS, vector(T0, "app-1", "0.004", "app-2", "0.021", "app-3", "NaN"));
		answers.put(LATENCY, vector(T0, "", "0.2125"));
		List<Sample> samples = new PrometheusMetricsSource(settings()).poll();
		assertThat(samples).containsExactly(new Sample(Signal.ERROR_RATE, T0, 0.021),
				new Sample(Signal.RESPONSE_TIME, T0, 212.5));
		assertThat(prometheus.requests()).extracting(LocalHttp.Request::uri).allMatch((u) -> u.startsWith("/api/v1/query?query="));
	}

	@Test
	void anEmptyVectorGivesNoSampleAndAFailureNamesTheQueryAndWhy() {
		answers.put(ERRORS, vector(T0));
		answers.put(LATENCY, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}");
		PrometheusMetricsSource source = new PrometheusMetricsSource(settings());
		assertThatThrownBy(source::poll).isInstanceOf(MetricsUnavailableException.class)
			.hasMessage("Prometheus query '" + LATENCY + "' at " + prometheus.url("") + " failed: the result is a matrix,"
					+ " not an instant vector (use an instant query)");
		answers.remove(ERRORS);
		assertThatThrownBy(source::poll).hasMessageEndingWith("failed: HTTP 400: unknown query");
		assertThatThrownBy(new PrometheusMetricsSource(new MetricSources("http://127.0.0.1:1", ERRORS, null, null, null,
				Duration.ofSeconds(1)))::poll)
			.hasMessageStartingWith("Prometheus query '" + ERRORS + "' at http://127.0.0.1:1 failed: cannot reach http://127.0.0.1:1");
	}

	/** The kill switch fed by the pull: the error rate crosses 1.5 % for 30 s on the Prometheus endpoint. */
	@Test
	void theMonitorPullsAndFiresTheKillSwitch() throws Exception {
		try (LocalHttp webhook = new LocalHttp((r) -> new LocalHttp.Answer(204, ""));
				CutoverFixture cutover = new CutoverFixture(new CutoverSettings(null,
						new CutoverTriggers(new TriggerSettings(null, Duration.ofSeconds(30)), null, null), settings(),
						new WebhookSettings(webhook.url("/hook"), 0, null, null), null), List.of())) {
			cutover.meetEveryCriterion();
			cutover.service.advance(new Actor("cli", "olga", Set.of(UserRole.OPERATOR)));
			CutoverMonitor monitor = new CutoverMonitor(cutover.service, new PrometheusMetricsSource(settings()),
					Duration.ofSeconds(15));
			answers.put(LATENCY, vector(T0, "", "0.1"));
			Optional<Incident> fired = Optional.empty();
			int polls = 0;
			for (int s = 15; s <= 60 && fired.isEmpty(); s += 15) {
				answers.put(ERRORS, vector(T0.plusSeconds(s), "app-1", s == 15 ? "0.001" : "0.03"));
				fired = monitor.tick();
				polls++;
			}
			assertThat(polls).as("above from 30 s: fires at 60 s, the fourth poll").isEqualTo(4);
			assertThat(fired).hasValueSatisfying((i) -> {
				assertThat(i.trigger()).isEqualTo("error-rate");
				assertThat(i.detail()).isEqualTo("error-rate > 1.5000 % for 30s: 3.0000 % at 2026-11-24T12:01:00Z;"
						+ " 3 samples from 3.0000 % to 3.0000 % above the bar since 2026-11-24T12:00:30Z (30s)");
				assertThat(i.webhookStatus()).isEqualTo("delivered (HTTP 204) after 1 attempt");
			});
			assertThat(cutover.service.status().phase()).isEqualTo(Phase.SHADOW);
			assertThat(monitor.tick()).isEmpty();
			assertThat(webhook.requests()).hasSize(1);
			assertThat(cutover.repository.latest(Signal.RESPONSE_TIME)).hasValue(new Sample(Signal.RESPONSE_TIME, T0, 100.0));
		}
	}

	@Test
	void theWebhookRetriesWithBackoffThenGivesUp() throws Exception {
		java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
		try (LocalHttp flaky = new LocalHttp((r) -> new LocalHttp.Answer(calls.incrementAndGet() <= 2 ? 503 : 200, ""))) {
			WebhookNotifier notifier = new WebhookNotifier(new WebhookSettings(flaky.url("/h"), 3, Duration.ofSeconds(2),
					Duration.ofMillis(20)));
			assertThat(notifier.post(Map.of("event", "test"))).isEqualTo(
					new WebhookNotifier.Delivery(true, 3, "delivered (HTTP 200) after 3 attempts"));
			assertThat(flaky.requests()).extracting(LocalHttp.Request::body).containsOnly("{\"event\":\"test\"}");
		}
		try (LocalHttp down = new LocalHttp((r) -> new LocalHttp.Answer(500, ""))) {
			WebhookNotifier notifier = new WebhookNotifier(new WebhookSettings(down.url("/h"), 2, Duration.ofSeconds(2),
					Duration.ofMillis(10)));
			assertThat(notifier.post(Map.of("event", "test")).outcome()).isEqualTo("failed after 3 attempts: HTTP 500");
			assertThat(down.requests()).hasSize(3);
		}
		assertThat(new WebhookNotifier(WebhookSettings.DEFAULTS).post(Map.of()).outcome())
			.isEqualTo("not sent: no webhook configured (parity.cutover.webhook.url)");
	}

}
