package dev.parity.core.cutover;

import java.util.List;

/**
 * Where the target's health comes from when {@code ./parity serve} polls it. Each poll returns the
 * signals' current values; a signal the source does not provide is simply absent.
 *
 * <p>Example: a Prometheus source with only an error-rate query returns
 * {@code [Sample[ERROR_RATE, 2026-11-23T10:00:00Z, 0.004]]}.
 *
 * @see PrometheusMetricsSource
 */
public interface MetricsSource {

	/**
	 * The current samples.
	 * @throws MetricsUnavailableException when the source cannot be read; the message names it and why
	 */
	List<Sample> poll();

}
