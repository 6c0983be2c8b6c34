package dev.parity.core.run;

import java.util.Arrays;
import java.util.List;

/**
 * The job parameters every Parity job understands, whoever launches it (CLI, Quartz, console).
 */
public final class ParityJobParameters {

	/** Comma-separated table pair names; empty or absent means every pair. Identifying. */
	public static final String TABLES = "tables";

	/** Who or what started the run: {@code cli}, {@code schedule}, {@code console:alice}. Not identifying. */
	public static final String TRIGGER = "trigger";

	/** Makes each launch its own job instance (a timestamp or the Quartz fire time). Identifying. */
	public static final String LAUNCH = "launch";

	/** {@code true}: reconcile changes nothing and writes the SQL it would run to {@link #SQL_OUT}. Identifying. */
	public static final String DRY_RUN = "dryRun";

	/** Where a reconcile dry run writes its SQL. Not identifying. */
	public static final String SQL_OUT = "sqlOut";

	/** The job execution context key under which the Parity run id is kept. */
	public static final String RUN_ID = "parity.runId";

	/** Non-identifying: the process that launched the execution ({@link LaunchingProcess#current}). */
	public static final String PROCESS = "parity.process";

	/** A step execution context key: the step's time by phase, one line (reconcile). */
	public static final String TIMINGS = "parity.timings";

	private ParityJobParameters() {
	}

	public static List<String> tables(String parameter) {
		if (parameter == null || parameter.isBlank()) {
			return List.of();
		}
		return Arrays.stream(parameter.split(",")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
	}

}
