package dev.parity.core.cutover;

/** A metrics source could not be read; the message names the source and why. */
public class MetricsUnavailableException extends RuntimeException {

	public MetricsUnavailableException(String message) {
		super(message);
	}

}
