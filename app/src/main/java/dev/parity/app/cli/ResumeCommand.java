package dev.parity.app.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

/** {@code ./parity resume}: Resumes a table paused by a schema conflict, after review (audited). Arrives with issue #6; until then it says so and exits 2. */
@Command(name = "resume", mixinStandardHelpOptions = true,
		description = { "Resumes a table paused by a schema conflict, after review (audited).", "Not available yet (issue #6): exits 2 and changes nothing." })
class ResumeCommand implements Callable<Integer> {

	@Mixin
	ConfigOption config;

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "TABLE", description = "The paused table pair.")
	String table;

	@Override
	public Integer call() {
		return NotYetAvailable.report(spec.commandLine().getErr(), "resume", "#6");
	}

}
