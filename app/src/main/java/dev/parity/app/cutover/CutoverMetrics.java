package dev.parity.app.cutover;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.TableMapping;
import dev.parity.core.cutover.CutoverStatus;
import dev.parity.core.cutover.CutoverService;
import dev.parity.core.cutover.Phase;
import dev.parity.core.repository.LagRepository;
import dev.parity.core.repository.LagRepository.LagPoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The cutover for Prometheus ({@code /actuator/prometheus} under serve):
 * {@code parity_cutover_target_share} (0 to 1), {@code parity_cutover_phase{phase="HALF"}} (1 for the
 * current phase, 0 for the others) and {@code parity_replication_lag_seconds{table="orders"}} (the
 * latest counts run's measurement; NaN before the first). Read from the control database at most once
 * a second, however many gauges a scrape reads.
 */
@Component
class CutoverMetrics implements MeterBinder {

	private final ParityConfig config;

	private final Supplier<CutoverStatus> status;

	private final Supplier<Map<String, LagPoint>> lags;

	CutoverMetrics(ParityConfig config, CutoverService cutover, LagRepository lags) {
		this.config = config;
		this.status = new Memo<>(cutover::status);
		this.lags = new Memo<>(lags::latestPerTable);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("parity.cutover.target.share", () -> status.get().targetShare())
			.description("share of user traffic the target serves in the current cutover phase")
			.register(registry);
		for (Phase phase : Phase.values()) {
			Gauge.builder("parity.cutover.phase", () -> status.get().phase() == phase ? 1 : 0)
				.description("1 for the current cutover phase")
				.tag("phase", phase.name())
				.register(registry);
		}
		for (TableMapping table : config.tables()) {
			Gauge.builder("parity.replication.lag", () -> {
				LagPoint point = lags.get().get(table.name());
				return point == null ? Double.NaN : point.lag().toMillis() / 1000.0;
			}).description("replication lag measured by the latest counts run").baseUnit("seconds")
				.tag("table", table.name())
				.register(registry);
		}
	}

	/** A value read again when older than a second. */
	static final class Memo<T> implements Supplier<T> {

		private static final long MAX_AGE = Duration.ofSeconds(1).toNanos();

		private final Supplier<T> source;

		private T value;

		private long readAt;

		Memo(Supplier<T> source) {
			this.source = source;
		}

		@Override
		public synchronized T get() {
			if (value == null || System.nanoTime() - readAt > MAX_AGE) {
				value = source.get();
				readAt = System.nanoTime();
			}
			return value;
		}

	}

}
