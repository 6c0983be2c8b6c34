package dev.parity.app.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./parity checkpoints [diff A B]}: checksum checkpoints. Arrives with issue #5. */
@Command(name = "checkpoints", mixinStandardHelpOptions = true,
		description = { "Lists checksum checkpoints; 'checkpoints diff A B' shows the partitions changed between two.",
				"Not available yet (issue #5): exits 2 and changes nothing." })
class CheckpointsCommand implements Callable<Integer> {

	@Mixin
	ConfigOption config;

	@Parameters(arity = "0..3", paramLabel = "diff A B", description = "diff CHECKPOINT_A CHECKPOINT_B")
	List<String> arguments;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		return NotYetAvailable.report(spec.commandLine().getErr(), "checkpoints", "#5");
	}

}
