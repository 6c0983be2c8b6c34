package dev.parity.core.cutover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.parity.core.config.CutoverTriggers;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.TriggerSettings;

/**
 * One armed rollback trigger: fires when its signal stays strictly above {@code threshold} for
 * {@code window}.
 *
 * @param signal the signal judged
 * @param threshold in the signal's unit (a fraction, or milliseconds for the response time)
 * @param window how long the breach must last; zero fires at the first sample above
 * @param describe the bar as a person reads it, e.g. {@code > 300 ms (SLA 250 ms × 1.2)}
 */
public record Trigger(Signal signal, double threshold, Duration window, String describe) {

	/**
	 * The triggers of {@code parity.cutover.triggers}; the response-time trigger only when
	 * {@code parity.sla.response-time} is set (its threshold is the SLA times the factor).
	 */
	public static List<Trigger> of(ParityConfig config) {
		CutoverTriggers triggers = config.cutover().triggers();
		List<Trigger> armed = new ArrayList<>();
		armed.add(rate(Signal.ERROR_RATE, triggers.errorRate()));
		armed.add(rate(Signal.TRANSACTION_FAILURES, triggers.transactionFailures()));
		Duration sla = config.sla().responseTime();
		if (sla != null) {
			TriggerSettings t = triggers.responseTime();
			double ms = sla.toMillis() * t.threshold();
			armed.add(new Trigger(Signal.RESPONSE_TIME, ms, t.window(), String.format(Locale.ROOT,
					"> %.0f ms (SLA %d ms × %s)", ms, sla.toMillis(), trim(t.threshold()))));
		}
		return armed;
	}

	private static Trigger rate(Signal signal, TriggerSettings settings) {
		return new Trigger(signal, settings.threshold(), settings.window(), "> " + signal.format(settings.threshold()));
	}

	private static String trim(double factor) {
		return java.math.BigDecimal.valueOf(factor).stripTrailingZeros().toPlainString();
	}

	/** The window as parity.yml writes it: {@code 2m}, {@code 90s}. */
	public String windowText() {
		return Durations.text(window);
	}

}
