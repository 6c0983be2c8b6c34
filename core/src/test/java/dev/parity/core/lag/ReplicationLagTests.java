package dev.parity.core.lag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

import dev.parity.core.config.ConnectionSettings;
import dev.parity.core.config.CutoverSettings;
import dev.parity.core.config.LagSettings;
import dev.parity.core.config.MetricSources;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.TableMapping;
import dev.parity.core.config.Thresholds;
import dev.parity.core.config.WebhookSettings;
import dev.parity.core.connect.DatabaseConnector;
import dev.parity.core.cutover.LocalHttp;
import dev.parity.core.cutover.WebhookNotifier;
import dev.parity.core.repository.LagRepository;
import dev.parity.core.repository.LagRepository.LagPoint;
import dev.parity.core.repository.RunRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replication lag per table (watermarks, or the CDC tool's metric on a Prometheus endpoint served by
 * the test), the webhook above the threshold, and the effective lag window comparisons use.
 */
class ReplicationLagTests {

	static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	HikariDataSource pool;

	DSLContext dsl;

	LagRepository lags;

	LocalHttp webhook;

	LocalHttp prometheus;

	@BeforeEach
	void start() throws Exception {
		pool = DatabaseConnector.control(new ConnectionSettings("jdbc:h2:mem:lag" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "", 2));
		Flyway.configure().dataSource(pool).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
		dsl = DSL.using(pool, SQLDialect.H2);
		lags = new LagRepository(dsl);
		webhook = new LocalHttp((r) -> new LocalHttp.Answer(200, ""));
		prometheus = new LocalHttp((r) -> new LocalHttp.Answer(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
				+ "\"result\":[{\"metric\":{\"table\":\"events\",\"connector\":\"a\"},\"value\":[1764000000,\"1900.5\"]},"
				+ "{\"metric\":{\"table\":\"events\",\"connector\":\"b\"},\"value\":[1764000000,\"12\"]},"
				+ "{\"metric\":{\"table\":\"unknown\"},\"value\":[1764000000,\"99999\"]}]}}"));
	}

	@AfterEach
	void stop() {
		pool.close();
		webhook.close();
		prometheus.close();
	}

	private ParityConfig config(String lagQuery) {
		ConnectionSettings unused = new ConnectionSettings("jdbc:h2:mem:unused", null, null, null);
		return new ParityConfig("lag test", unused, unused, null, Duration.ofMinutes(5),
				List.of(new TableMapping("orders", "orders", "orders", null, "updated_at", false, null, null),
						new TableMapping("events", "events", "events", null, null, false, null, null)),
				new Thresholds(null, Duration.ofMinutes(15)), null, null, null, null, null, null, null, null,
				new CutoverSettings(null, null,
						new MetricSources(lagQuery == null ? null : prometheus.url(""), null, null, null, null, null),
						new WebhookSettings(webhook.url("/lag"), 0, null, null), new LagSettings(null, lagQuery, null)));
	}

	@Test
	void recordsLagPerTableAndAlertsOncePerTableAboveTheThreshold() {
		ParityConfig config = config("max by (table, connector) (cdc_lag_seconds)");
		assertThat(config.cutover().lag().threshold()).as("defaults to thresholds.max-lag").isEqualTo(Duration.ofMinutes(15));
		ReplicationLag lag = new ReplicationLag(config, lags, new WebhookNotifier(config.cutover().webhook()));
		long run = new RunRepository(dsl).startOrResume("countsJob", 1, "test", null, NOW);
		LocalDateTime source = LocalDateTime.parse("2026-11-24T11:59:00");

		// given: orders 20 minutes behind by its watermarks; events 1900.5 s behind by the CDC metric
		assertThat(lag.record(run, "orders", source, source.minusMinutes(20), NOW)).hasValueSatisfying((p) -> {
			assertThat(p.lag()).isEqualTo(Duration.ofMinutes(20));
			assertThat(p.measuredBy()).isEqualTo("watermark");
			assertThat(p.alerted()).isTrue();
		});
		assertThat(lag.record(run, "events", null, null, NOW)).hasValueSatisfying((p) -> {
			assertThat(p.lag()).isEqualTo(Duration.ofMillis(1_900_500));
			assertThat(p.measuredBy()).isEqualTo("prometheus");
		});
		assertThat(lag.record(run, "neither", null, null, NOW)).isEmpty();
		assertThat(prometheus.requests()).as("one query per counts run").hasSize(1);

		// when
		List<LagPoint> alerted = lag.alert(run);

		// then
		assertThat(alerted).extracting(LagPoint::table).containsExactly("events", "orders");
		assertThat(webhook.requests()).hasSize(2);
		var body = JsonMapper.builder().build().readTree(webhook.requests().get(0).body());
		assertThat(body.path("event").asString()).isEqualTo("replication-lag");
		assertThat(body.path("table").asString()).isEqualTo("events");
		assertThat(body.path("lagSeconds").asDouble()).isEqualTo(1900.5);
		assertThat(body.path("thresholdSeconds").asLong()).isEqualTo(900);
		assertThat(lags.latestPerTable()).containsOnlyKeys("events", "orders");
	}

	@Test
	void lagBelowTheThresholdIsRecordedWithoutAnAlert() {
		ParityConfig config = config(null);
		ReplicationLag lag = new ReplicationLag(config, lags, new WebhookNotifier(config.cutover().webhook()));
		long run = new RunRepository(dsl).startOrResume("countsJob", 1, "test", null, NOW);
		LocalDateTime source = LocalDateTime.parse("2026-11-24T11:59:00");
		lag.record(run, "orders", source, source.minusMinutes(15), NOW);
		lag.record(run, "events", source, source.plusMinutes(1), NOW);
		assertThat(lag.alert(run)).isEmpty();
		assertThat(webhook.requests()).isEmpty();
		assertThat(lags.ofRun(run)).extracting(LagPoint::table, LagPoint::lag)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("events", Duration.ZERO),
					org.assertj.core.groups.Tuple.tuple("orders", Duration.ofMinutes(15)));
	}

	// The window widens to the measured lag only while the lag is above the threshold.
	@Test
	void theEffectiveLagWindowFollowsTheLatestLag() {
		ParityConfig config = config(null);
		LagWindows windows = new LagWindows(config, lags);
		assertThat(windows.of("orders")).extracting(EffectiveLagWindow::window, EffectiveLagWindow::widened,
				EffectiveLagWindow::note).containsExactly(Duration.ofMinutes(5), false, null);
		RunRepository runs = new RunRepository(dsl);
		long first = runs.startOrResume("countsJob", 1, "test", null, NOW.minusSeconds(3600));
		lags.save(new LagPoint(first, "orders", Duration.ofMillis(1_920_400), Duration.ofMinutes(15), "watermark",
				NOW.minusSeconds(3600), true));
		EffectiveLagWindow widened = windows.of("orders");
		assertThat(widened.window()).isEqualTo(Duration.ofSeconds(1921));
		assertThat(widened.note()).isEqualTo("lag window widened from 5m to 32m1s: replication lag 32m1s measured at"
				+ " 2026-11-24T11:00:00Z is above the 15m threshold");
		long second = runs.startOrResume("countsJob", 2, "test", null, NOW);
		lags.save(new LagPoint(second, "orders", Duration.ofMinutes(14), Duration.ofMinutes(15), "watermark", NOW, false));
		assertThat(windows.of("orders").widened()).as("14m is not above the 15m threshold").isFalse();
		assertThat(EffectiveLagWindow.of("t", Duration.ofHours(1), Duration.ofMinutes(15), Duration.ofMinutes(20), NOW)
			.widened()).as("never narrower than the configured window").isFalse();
	}

}
