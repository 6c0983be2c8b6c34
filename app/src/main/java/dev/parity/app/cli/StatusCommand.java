package dev.parity.app.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./parity status}: Exit criteria and cutover readiness, one line per criterion (exit 0 ready, 1 not ready). Arrives with issue #9; until then it says so and exits 2. */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = { "Exit criteria and cutover readiness, one line per criterion (exit 0 ready, 1 not ready).", "Not available yet (issue #9): exits 2 and changes nothing." })
class StatusCommand implements Callable<Integer> {

	@Mixin
	ConfigOption config;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		return NotYetAvailable.report(spec.commandLine().getErr(), "status", "#9");
	}

}
