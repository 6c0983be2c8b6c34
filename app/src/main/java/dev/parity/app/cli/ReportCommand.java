package dev.parity.app.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code ./parity report}: Writes the PDF sign-off report. Arrives with issue #9; until then it says so and exits 2. */
@Command(name = "report", mixinStandardHelpOptions = true,
		description = { "Writes the PDF sign-off report.", "Not available yet (issue #9): exits 2 and changes nothing." })
class ReportCommand implements Callable<Integer> {

	@Mixin
	ConfigOption config;

	@Spec
	CommandSpec spec;

	@Option(names = "--out", paramLabel = "FILE", description = "Where to write the PDF.")
	Path out;

	@Override
	public Integer call() {
		return NotYetAvailable.report(spec.commandLine().getErr(), "report", "#9");
	}

}
