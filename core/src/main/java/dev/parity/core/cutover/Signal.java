package dev.parity.core.cutover;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A health signal of the target, as samples carry it. Rates are fractions of requests (0.015 = 1.5 %);
 * the response time is the p95 in milliseconds.
 */
public enum Signal {

	ERROR_RATE("error-rate"), TRANSACTION_FAILURES("transaction-failures"), RESPONSE_TIME("response-time");

	private final String key;

	Signal(String key) {
		this.key = key;
	}

	/** The name in parity.yml, sample files and the API: {@code error-rate}. */
	public String key() {
		return key;
	}

	/** {@code error-rate}, {@code ERROR_RATE} or {@code error_rate}; empty when it names no signal. */
	public static Optional<Signal> parse(String text) {
		String normal = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
		return Arrays.stream(values()).filter((s) -> s.key.equals(normal)).findFirst();
	}

	/** A value of this signal as a person reads it: {@code 1.5000 %} or {@code 312 ms}. */
	public String format(double value) {
		return this == RESPONSE_TIME ? String.format(Locale.ROOT, "%.0f ms", value)
				: String.format(Locale.ROOT, "%.4f %%", value * 100);
	}

	public static String keys() {
		return String.join(", ", Arrays.stream(values()).map(Signal::key).toList());
	}

}
