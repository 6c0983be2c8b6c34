package dev.parity.app.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./parity serve}: Runs the Quartz schedules, the web console and the REST API until stopped. Arrives with issue #8; until then it says so and exits 2. */
@Command(name = "serve", mixinStandardHelpOptions = true,
		description = { "Runs the Quartz schedules, the web console and the REST API until stopped.", "Not available yet (issue #8): exits 2 and changes nothing." })
class ServeCommand implements Callable<Integer> {

	@Mixin
	ConfigOption config;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		return NotYetAvailable.report(spec.commandLine().getErr(), "serve", "#8");
	}

}
