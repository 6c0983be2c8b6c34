package dev.parity.app;

import java.util.List;

/**
 * {@code ./parity --debug}: whether this command shows what Parity normally keeps back — the stack
 * trace after an error's sentence, and the third-party log lines listed in {@link #QUIET}, which
 * otherwise repeat (with a stack trace) a failure the command reports as one sentence, or warn about
 * nothing the user can act on. Set by the CLI for the length of one command; the CLI runs one command
 * per JVM, so a static suffices (in-process tests run commands one after another).
 */
public final class Diagnostics {

	/**
	 * Loggers silenced unless {@code --debug}: Spring's report of a failed start (the exception reaches
	 * the CLI, which says it in one sentence) and the MariaDB driver's warning for every error packet
	 * (the exception that follows carries the same text, e.g. a wrong password).
	 */
	static final List<String> QUIET = List.of("org.springframework.boot.SpringApplication",
			"org.springframework.context.annotation.AnnotationConfigApplicationContext",
			"org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext",
			"org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter",
			"org.mariadb.jdbc.message.server.ErrorPacket");

	/**
	 * Also silenced for one-shot commands (not {@code serve}, whose log is where an operator looks for a
	 * scheduled run's failure): Spring Batch's stack trace of a failed step or job, and Hikari's of a
	 * connection it discards as broken — the command ends with that failure as one sentence naming the
	 * execution and the database.
	 */
	static final List<String> QUIET_ONE_SHOT = List.of("org.springframework.batch.core.step.AbstractStep",
			"org.springframework.batch.core.job.AbstractJob", "com.zaxxer.hikari.pool.ProxyConnection");

	private static volatile boolean debug;

	private Diagnostics() {
	}

	public static boolean debug() {
		return debug || "1".equals(System.getenv("PARITY_DEBUG"));
	}

	public static void debug(boolean on) {
		debug = on;
	}

	/**
	 * Command-line arguments for Spring that silence {@link #QUIET} (and {@link #QUIET_ONE_SHOT} when
	 * {@code oneShot}); none with {@code --debug}.
	 */
	static String[] quietLogging(boolean oneShot) {
		if (debug()) {
			return new String[0];
		}
		return java.util.stream.Stream.concat(QUIET.stream(), oneShot ? QUIET_ONE_SHOT.stream() : java.util.stream.Stream.empty())
			.map((logger) -> "--logging.level." + logger + "=OFF")
			.toArray(String[]::new);
	}

}
