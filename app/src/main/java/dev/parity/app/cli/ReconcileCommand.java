package dev.parity.app.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;

/** {@code ./parity reconcile}: Repairs the target by rule, never the source; --dry-run writes the SQL it would run. Arrives with issue #7; until then it says so and exits 2. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
		description = { "Repairs the target by rule, never the source; --dry-run writes the SQL it would run.", "Not available yet (issue #7): exits 2 and changes nothing." })
class ReconcileCommand implements Callable<Integer> {

	@Mixin
	ConfigOption config;

	@Spec
	CommandSpec spec;

	@Option(names = "--table", paramLabel = "T", description = "Only this table pair (repeatable).")
	List<String> tables;

	@Option(names = "--dry-run", description = "Change nothing; write the SQL that would run.")
	boolean dryRun;

	@Option(names = "--sql-out", paramLabel = "F", description = "Where --dry-run writes its SQL.")
	Path sqlOut;

	@Override
	public Integer call() {
		return NotYetAvailable.report(spec.commandLine().getErr(), "reconcile", "#7");
	}

}
