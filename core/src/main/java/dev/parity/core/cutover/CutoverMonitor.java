package dev.parity.core.cutover;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parity.core.repository.CutoverRepository.Incident;

/**
 * {@code serve}'s watch over the target: every poll interval it pulls the samples of the metrics
 * source (when Prometheus is configured), stores them and evaluates the triggers; pushed samples are
 * evaluated when they arrive. A source that cannot be read is one warning per poll, never a stop:
 * triggers then judge whatever samples arrive by push.
 */
public class CutoverMonitor implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(CutoverMonitor.class);

	private final CutoverService service;

	private final MetricsSource source;

	private final Duration interval;

	private ScheduledExecutorService executor;

	/** @param source the pull source, or null when samples are only pushed */
	public CutoverMonitor(CutoverService service, MetricsSource source, Duration interval) {
		this.service = service;
		this.source = source;
		this.interval = interval;
	}

	/** One poll and evaluation; what fired, if anything. */
	public Optional<Incident> tick() {
		if (source != null) {
			try {
				List<Sample> samples = source.poll();
				return service.record(samples, "prometheus");
			}
			catch (MetricsUnavailableException ex) {
				log.warn("{}; the triggers judge the samples that arrived", ex.getMessage());
			}
		}
		return service.evaluate();
	}

	/** Starts polling on a daemon thread of its own. */
	public synchronized void start() {
		if (executor != null) {
			return;
		}
		executor = Executors.newSingleThreadScheduledExecutor(
				Thread.ofPlatform().name("parity-cutover-monitor").daemon(true).factory());
		executor.scheduleWithFixedDelay(this::safeTick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	public synchronized boolean running() {
		return executor != null;
	}

	private void safeTick() {
		try {
			tick();
		}
		catch (RuntimeException ex) {
			// The next poll tries again; a control database hiccup must not end the watch.
			log.warn("cutover monitor: {}", ex.getMessage(), ex);
		}
	}

	@Override
	public synchronized void close() {
		if (executor != null) {
			executor.shutdownNow();
			executor = null;
		}
	}

}
