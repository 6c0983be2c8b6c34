package dev.parity.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.parity.app.ParityRuntime;
import dev.parity.core.repository.Checkpoint;
import dev.parity.core.repository.CheckpointDiff;
import dev.parity.core.repository.CheckpointRepository;
import dev.parity.core.repository.ChecksumTableSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./parity checkpoints [diff A B]}: the checksum's numbered checkpoints, and which partitions
 * changed between two of them (on the source, the target, or both) — after a rollback, the data changed
 * since a checkpoint. Reads the control database only.
 */
@Command(name = "checkpoints", mixinStandardHelpOptions = true,
		description = { "Lists checksum checkpoints; 'checkpoints diff A B' shows the partitions changed between two.",
				"Exit codes: 0, or 2 on an error (e.g. a checkpoint that does not exist)." })
class CheckpointsCommand implements Callable<Integer> {

	@Mixin
	ConfigOption config;

	@Parameters(arity = "0..3", paramLabel = "diff A B", description = "diff CHECKPOINT_A CHECKPOINT_B")
	List<String> arguments;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		List<String> args = arguments == null ? List.of() : arguments;
		boolean diff = !args.isEmpty();
		if (diff && (args.size() != 3 || !args.get(0).equals("diff"))) {
			throw new UserException("checkpoints: expected no arguments or 'diff A B' (two checkpoint numbers), not '"
					+ String.join(" ", args) + "'");
		}
		long from = diff ? number(args.get(1)) : 0;
		long to = diff ? number(args.get(2)) : 0;
		PrintWriter out = spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = ParityRuntime.start(config.load())) {
			CheckpointRepository checkpoints = context.getBean(CheckpointRepository.class);
			if (!diff) {
				return list(out, checkpoints);
			}
			try {
				return diff(out, checkpoints.diff(from, to));
			}
			catch (IllegalArgumentException ex) {
				throw new UserException("checkpoints diff: " + ex.getMessage() + " (./parity checkpoints lists them)");
			}
		}
	}

	private static long number(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw new UserException("checkpoints diff: '" + text + "' is not a checkpoint number (./parity checkpoints lists them)");
		}
	}

	private static int list(PrintWriter out, CheckpointRepository checkpoints) {
		List<Checkpoint> all = checkpoints.list();
		if (all.isEmpty()) {
			out.println("No checkpoints yet: ./parity check checksum writes one.");
			return ExitCodes.OK;
		}
		TextTable table = new TextTable("checkpoint", "run", "status", "created", "completed", "tables", "rows (s/t)",
				"differing chunks");
		for (Checkpoint c : all) {
			List<ChecksumTableSummary> tables = checkpoints.summary(c.number());
			table.row(c.number(), c.runId(), c.status(), c.createdAt(), c.completedAt() == null ? "-" : c.completedAt(),
					tables.size(),
					tables.stream().mapToLong(ChecksumTableSummary::sourceRows).sum() + "/"
							+ tables.stream().mapToLong(ChecksumTableSummary::targetRows).sum(),
					tables.stream().mapToLong(ChecksumTableSummary::mismatched).sum());
		}
		table.print(out);
		return ExitCodes.OK;
	}

	private static int diff(PrintWriter out, CheckpointDiff diff) {
		out.println("checkpoints " + diff.from().number() + " -> " + diff.to().number() + ": " + diff.changed().size()
				+ " of " + diff.regions() + " regions changed");
		if (!diff.changed().isEmpty()) {
			TextTable table = new TextTable("table", "from key", "to key", "source rows", "source", "target rows", "target");
			for (CheckpointDiff.Change c : diff.changed()) {
				table.row(c.table(), key(c.lower()), key(c.upper()),
						c.sourceBefore().count() + " -> " + c.sourceAfter().count(), c.sourceChanged() ? "CHANGED" : "same",
						c.targetBefore().count() + " -> " + c.targetAfter().count(), c.targetChanged() ? "CHANGED" : "same");
			}
			table.print(out);
		}
		diff.onlyIn().forEach((table, number) -> out.println("note: " + table + " is only in checkpoint " + number));
		return ExitCodes.OK;
	}

	// Bounds as the discrepancies show keys; open ends as such.
	private static String key(Map<String, String> key) {
		return key == null ? "(open)" : String.join(", ", key.values());
	}

}
