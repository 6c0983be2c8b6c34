package dev.parity.core.connect;

/** A configured database could not be reached; the message names the connection and why. */
public class DatabaseUnavailableException extends RuntimeException {

	public DatabaseUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
