package dev.parity.core.connect;

import java.time.Duration;

/**
 * A database stopped answering while Parity waited for it: a row stream received nothing for the
 * connection's {@code stall-timeout}, or a read outlasted its {@code socket-timeout}. The message is one
 * sentence naming the database and the setting; the step fails and the run can be restarted.
 */
public final class DatabaseStalledException extends DatabaseUnavailableException {

	private DatabaseStalledException(String message, Throwable cause) {
		super(message, cause);
	}

	static DatabaseStalledException stalled(Role role, Duration limit, Throwable cause) {
		return new DatabaseStalledException(role.key() + " database stopped answering: no rows arrived for "
				+ seconds(limit) + " while streaming (parity." + role.key()
				+ ".stall-timeout); check the network and the database, then run the command again to restart", cause);
	}

	private static String seconds(Duration duration) {
		long millis = duration.toMillis();
		return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
	}

	/** Whether {@code ex} is a driver read that hit its socket (network) timeout. */
	static boolean timedOut(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.net.SocketTimeoutException) {
				return true;
			}
		}
		return false;
	}

	/** The exception for a driver read that hit its socket timeout, or null if {@code ex} is something else. */
	static DatabaseStalledException ifTimedOut(Role role, Throwable ex) {
		if (timedOut(ex)) {
				return new DatabaseStalledException(role.key() + " database stopped answering: a read waited longer than "
						+ "parity." + role.key() + ".socket-timeout; check the network and the database, then run the "
						+ "command again to restart", ex);
		}
		return null;
	}

}
