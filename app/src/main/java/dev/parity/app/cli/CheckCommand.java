package dev.parity.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parity.app.JobRunner;
import dev.parity.app.ParityRuntime;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.repository.CheckResultRepository;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.run.ParityJobParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./parity check JOB}: runs one validation job once and records its results. */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = { "Runs a validation job once and records the results in the control database.",
				"JOB: counts (record counts), diff (field-level), checksum (partitioned checksums), schema, or all",
				"(all: counts, diff and checksum, each after the schema check).",
				"Exit codes: 0 clean, 1 discrepancies found, 2 error." })
class CheckCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "JOB", description = "counts, diff, checksum, schema or all")
	String job;

	@Mixin
	ConfigOption config;

	@Option(names = "--table", paramLabel = "T", description = "Only this table pair (repeatable; default: all).")
	List<String> tables = new ArrayList<>();

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		if (!List.of("all", "counts", "diff", "checksum", "schema").contains(job)) {
			throw new UserException("check: unknown job '" + job + "'; use counts, diff, checksum, schema or all");
		}
		ParityConfig parity = config.load();
		try (ConfigurableApplicationContext context = ParityRuntime.start(parity)) {
			Preflight.resolve(context, tables);
			int code = ExitCodes.OK;
			if (job.equals("schema")) {
				return JobSummaries.schema(context, out, tables, "cli");
			}
			if (job.equals("all") || job.equals("counts")) {
				code = Math.max(code, JobSummaries.counts(context, out, tables, "cli"));
			}
			if (job.equals("all") || job.equals("diff")) {
				if (code != ExitCodes.OK || job.equals("all")) {
					out.println();
				}
				code = Math.max(code, JobSummaries.diff(context, out, tables, "cli"));
			}
			if (job.equals("all") || job.equals("checksum")) {
				if (job.equals("all")) {
					out.println();
				}
				code = Math.max(code, JobSummaries.checksum(context, out, tables, "cli"));
			}
			return code;
		}
	}

}
