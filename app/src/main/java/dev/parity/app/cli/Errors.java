package dev.parity.app.cli;

import java.io.PrintWriter;

import dev.parity.core.config.ConfigException;
import dev.parity.core.config.ConfigProblem;
import dev.parity.core.connect.DatabaseUnavailableException;
import dev.parity.core.connect.SourceWriteRejectedException;

/**
 * Turns any failure into clear lines on stderr: one per configuration problem, otherwise one sentence
 * taken from the most specific cause. The stack trace only with {@code --debug}.
 */
final class Errors {

	private Errors() {
	}

	static void print(Throwable ex, PrintWriter err) {
		ConfigException config = find(ex, ConfigException.class);
		if (config != null) {
			int count = config.problems().size();
			err.println("error: the configuration has " + count + (count == 1 ? " problem:" : " problems:"));
			for (ConfigProblem problem : config.problems()) {
				err.println("  " + problem);
			}
		}
		else {
			err.println("error: " + message(ex));
		}
		if (dev.parity.app.Diagnostics.debug()) {
			ex.printStackTrace(err);
		}
		err.flush();
	}

	static String message(Throwable ex) {
		for (Class<? extends RuntimeException> known : java.util.List.of(DatabaseUnavailableException.class,
				SourceWriteRejectedException.class, UserException.class)) {
			Throwable found = find(ex, known);
			if (found != null) {
				return found.getMessage();
			}
		}
		Throwable cause = ex;
		String message = ex.toString();
		while (cause != null) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				message = cause.getMessage();
			}
			cause = cause.getCause();
		}
		return message.lines().findFirst().orElse(message).trim();
	}

	static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
