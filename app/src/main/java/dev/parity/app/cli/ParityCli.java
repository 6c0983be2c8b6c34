package dev.parity.app.cli;

import java.io.PrintWriter;

import dev.parity.app.Diagnostics;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./parity}: the command line of DESIGN.md §5. Exit codes: 0 clean, 1 discrepancies found (or
 * not ready), 2 error. Errors are one sentence per problem on stderr, never a stack trace, unless
 * {@code --debug} (accepted before or after the command; {@code PARITY_DEBUG=1} does the same).
 */
@Command(name = "parity", mixinStandardHelpOptions = true, version = "Parity 0.1.0",
		description = "Proves a new database (the target) against a legacy one (the source) during a parallel run.",
		subcommands = { DemoCommand.class, CheckCommand.class, ReconcileCommand.class, DiscrepanciesCommand.class,
				ReportCommand.class, StatusCommand.class, CheckpointsCommand.class, ResumeCommand.class, AbandonCommand.class,
				CutoverCommand.class, ServeCommand.class, SlaCommand.class, PasswordHashCommand.class, TrainCommand.class,
				ChecksumSqlCommand.class })
public class ParityCli implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
			description = "On an error, print the stack trace after the sentence, and show the third-party log lines Parity keeps back.")
	void debug(boolean on) {
		// An inherited option: a setter, so that "check diff --debug" and "--debug check diff" both land here.
		Diagnostics.debug(on);
	}

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	public static int run(String... args) {
		return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
	}

	public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
		Diagnostics.debug(false);
		CommandLine commandLine = new CommandLine(new ParityCli());
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> {
			Errors.print(ex, cl.getErr());
			return ExitCodes.ERROR;
		});
		commandLine.setParameterExceptionHandler((ex, args) -> {
			ex.getCommandLine().getErr().println("error: " + ex.getMessage() + " (see "
					+ ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
			return ExitCodes.ERROR;
		});
		return commandLine;
	}

}
