package dev.parity.core.config;

import java.time.Duration;

/**
 * One rollback trigger.
 *
 * @param threshold the bar the signal must stay above to fire (a fraction for rates, a factor of the
 *     SLA for the response time)
 * @param window how long every sample must stay above the bar before it fires ({@code 0s}: at the first)
 */
public record TriggerSettings(Double threshold, Duration window) {

	static TriggerSettings orDefault(TriggerSettings given, double threshold, Duration window) {
		if (given == null) {
			return new TriggerSettings(threshold, window);
		}
		return new TriggerSettings(given.threshold() == null ? threshold : given.threshold(),
				given.window() == null ? window : given.window());
	}

}
