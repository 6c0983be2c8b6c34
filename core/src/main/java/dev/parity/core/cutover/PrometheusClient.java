package dev.parity.core.cutover;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Instant queries against Prometheus' HTTP API: {@code GET /api/v1/query?query=PROMQL}, answered with
 * {@code {"status":"success","data":{"resultType":"vector","result":[{"metric":{...},"value":[1732356000,"0.02"]}]}}}
 * (a {@code scalar} result is one series without labels). NaN and infinite values are left out.
 */
public class PrometheusClient {

	/** One series of an instant vector. */
	public record Series(Map<String, String> labels, Instant at, double value) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final Duration timeout;

	private final HttpClient http;

	public PrometheusClient(String baseUrl, Duration timeout) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	/**
	 * Runs one instant query.
	 * @throws MetricsUnavailableException naming the query and why, when Prometheus cannot answer it
	 */
	public List<Series> query(String promql) {
		URI uri = URI.create(baseUrl + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
		HttpResponse<String> response;
		try {
			response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw unavailable(promql, "cannot reach " + baseUrl + " (" + ex.getClass().getSimpleName()
					+ (ex.getMessage() == null ? "" : ": " + ex.getMessage()) + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable(promql, "interrupted");
		}
		try {
			JsonNode body = JSON.readTree(response.body());
			if (response.statusCode() != 200 || !"success".equals(body.path("status").asString(""))) {
				throw unavailable(promql, "HTTP " + response.statusCode() + ": " + body.path("error").asString("no error given"));
			}
			return series(body.path("data"), promql);
		}
		catch (JacksonException ex) {
			throw unavailable(promql, "HTTP " + response.statusCode() + " without a Prometheus JSON answer");
		}
	}

	private List<Series> series(JsonNode data, String promql) {
		String type = data.path("resultType").asString("");
		List<Series> series = new ArrayList<>();
		if (type.equals("scalar")) {
			add(series, Map.of(), data.path("result"));
			return series;
		}
		if (!type.equals("vector")) {
			throw unavailable(promql, "the result is a " + type + ", not an instant vector (use an instant query)");
		}
		for (JsonNode element : data.path("result")) {
			Map<String, String> labels = new LinkedHashMap<>();
			element.path("metric").properties().forEach((e) -> labels.put(e.getKey(), e.getValue().asString("")));
			add(series, labels, element.path("value"));
		}
		return series;
	}

	private static void add(List<Series> series, Map<String, String> labels, JsonNode pair) {
		double value;
		try {
			value = Double.parseDouble(pair.path(1).asString(""));
		}
		catch (NumberFormatException ex) {
			return;
		}
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return;
		}
		long millis = Math.round(pair.path(0).asDouble() * 1000);
		series.add(new Series(labels, Instant.ofEpochMilli(millis), value));
	}

	private MetricsUnavailableException unavailable(String promql, String why) {
		return new MetricsUnavailableException("Prometheus query '" + promql + "' at " + baseUrl + " failed: " + why);
	}

}
