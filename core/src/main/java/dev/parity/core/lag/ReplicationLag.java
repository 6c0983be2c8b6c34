package dev.parity.core.lag;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parity.core.config.LagSettings;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.cutover.Durations;
import dev.parity.core.cutover.MetricsUnavailableException;
import dev.parity.core.cutover.PrometheusClient;
import dev.parity.core.cutover.WebhookNotifier;
import dev.parity.core.repository.LagRepository;
import dev.parity.core.repository.LagRepository.LagPoint;

/**
 * Replication lag per table, recorded by each counts run: from the CDC tool's lag metric when
 * {@code parity.cutover.lag.query} is set and answers for the table (a series whose
 * {@code table-label} names the pair, in seconds), else from the {@code updated-column} watermarks
 * (newest source value minus newest target value). A table with neither is not recorded. After the
 * run, {@link #alert} posts one webhook per table above the threshold.
 */
public class ReplicationLag {

	private static final Logger log = LoggerFactory.getLogger(ReplicationLag.class);

	private final LagSettings settings;

	private final LagRepository lags;

	private final WebhookNotifier webhook;

	private final PrometheusClient prometheus;

	private final String migration;

	// One query per counts run, however many tables it counts.
	private final Map<Long, Map<String, Double>> queried = new HashMap<>();

	public ReplicationLag(ParityConfig config, LagRepository lags, WebhookNotifier webhook) {
		this.settings = config.cutover().lag();
		this.lags = lags;
		this.webhook = webhook;
		this.prometheus = settings.query() == null ? null
				: new PrometheusClient(config.cutover().metrics().prometheusUrl(), config.cutover().metrics().timeout());
		this.migration = config.name();
	}

	/**
	 * Records the lag of one table in counts run {@code runId}.
	 * @param sourceNewest the source's newest updated-column value (null if unknown)
	 * @param targetNewest the target's (null if unknown)
	 */
	public Optional<LagPoint> record(long runId, String table, LocalDateTime sourceNewest, LocalDateTime targetNewest,
			Instant at) {
		Double seconds = fromPrometheus(runId).get(table);
		Duration lag;
		String by;
		if (seconds != null) {
			lag = Duration.ofMillis(Math.round(Math.max(0, seconds) * 1000));
			by = "prometheus";
		}
		else if (sourceNewest != null && targetNewest != null) {
			lag = targetNewest.isBefore(sourceNewest) ? Duration.between(targetNewest, sourceNewest) : Duration.ZERO;
			by = "watermark";
		}
		else {
			return Optional.empty();
		}
		LagPoint point = new LagPoint(runId, table, lag, settings.threshold(), by, at, lag.compareTo(settings.threshold()) > 0);
		lags.save(point);
		return Optional.of(point);
	}

	private synchronized Map<String, Double> fromPrometheus(long runId) {
		if (prometheus == null) {
			return Map.of();
		}
		return queried.computeIfAbsent(runId, (id) -> {
			Map<String, Double> byTable = new LinkedHashMap<>();
			try {
				for (PrometheusClient.Series series : prometheus.query(settings.query())) {
					String table = series.labels().get(settings.tableLabel());
					if (table != null) {
						byTable.merge(table, series.value(), Math::max);
					}
				}
			}
			catch (MetricsUnavailableException ex) {
				log.warn("{}; lag is measured from the updated-column watermarks instead", ex.getMessage());
			}
			return byTable;
		});
	}

	/** Posts one webhook per table of the run whose lag is above the threshold; returns those tables. */
	public List<LagPoint> alert(long runId) {
		List<LagPoint> above = lags.ofRun(runId).stream().filter(LagPoint::alerted).toList();
		for (LagPoint point : above) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("event", "replication-lag");
			body.put("migration", migration);
			body.put("table", point.table());
			body.put("lagSeconds", point.lag().toMillis() / 1000.0);
			body.put("thresholdSeconds", point.threshold().toSeconds());
			body.put("measuredBy", point.measuredBy());
			body.put("measuredAt", point.at().toString());
			body.put("run", runId);
			WebhookNotifier.Delivery delivery = webhook.post(body);
			log.warn("REPLICATION LAG {}: {} behind (threshold {}); webhook {}", point.table(),
					Durations.text(point.lag()), Durations.text(point.threshold()), delivery.outcome());
		}
		queried.remove(runId);
		return above;
	}

}
