package dev.parity.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.parity.app.ParityRuntime;
import dev.parity.core.config.ParityConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./parity reconcile}: repairs the target by rule, never the source; every change audited.
 * Exit codes: 0 nothing left open, 1 some discrepancies left open or failed, 2 error (including a
 * safety valve that stopped the run before it changed anything).
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
		description = { "Repairs the target by rule, never the source; every change is audited.",
				"Each open discrepancy is re-read on both sides first: rows that agree now are self-healed.",
				"--dry-run changes nothing and writes the SQL it would run to --sql-out.",
				"Exit codes: 0 all fixed, 1 some left open or failed, 2 error." })
class ReconcileCommand implements Callable<Integer> {

	@Mixin
	ConfigOption config;

	@Spec
	CommandSpec spec;

	@Option(names = "--table", paramLabel = "T", description = "Only this table pair (repeatable; default: all).")
	List<String> tables = new ArrayList<>();

	@Option(names = "--dry-run", description = "Change nothing; write the SQL that would run.")
	boolean dryRun;

	@Option(names = "--sql-out", paramLabel = "F",
			description = "Where --dry-run writes its SQL (default: ./parity-reconcile-dry-run.sql).")
	Path sqlOut;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		if (sqlOut != null && !dryRun) {
			throw new UserException("reconcile: --sql-out only goes with --dry-run");
		}
		ParityConfig parity = config.load();
		try (ConfigurableApplicationContext context = ParityRuntime.start(parity)) {
			Preflight.resolve(context, tables);
			Path sql = dryRun ? (sqlOut != null ? sqlOut : Path.of("parity-reconcile-dry-run.sql")) : null;
			return JobSummaries.reconcile(context, out, tables, "cli", sql);
		}
	}

}
