package dev.parity.app.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./parity cutover status|advance|rollback|drill}. Arrives with issue #11. */
@Command(name = "cutover", mixinStandardHelpOptions = true,
		description = { "Traffic phase, kill switch, and drills on recorded samples: status, advance, rollback, drill.",
				"Not available yet (issue #11): exits 2 and changes nothing." })
class CutoverCommand implements Callable<Integer> {

	@Mixin
	ConfigOption config;

	@Parameters(index = "0", paramLabel = "ACTION", description = "status, advance, rollback or drill")
	String action;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		return NotYetAvailable.report(spec.commandLine().getErr(), "cutover " + action, "#11");
	}

}
