package dev.parity.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parity.app.JobRunner;
import dev.parity.app.ParityRuntime;
import dev.parity.app.demo.DemoDatabases;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.ParityConfigLoader;
import dev.parity.core.repository.CheckResultRepository;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyStatus;
import dev.parity.core.run.ParityJobParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./parity demo}: the whole loop on embedded databases with planted discrepancies, no server
 * needed. Runs every job that exists and prints a summary per job.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
		description = { "Creates an embedded source and target with sample data and planted discrepancies,",
				"runs every available job once and prints a summary. Re-running starts clean." })
class DemoCommand implements Callable<Integer> {

	@Option(names = "--dir", paramLabel = "DIR", defaultValue = "parity-data/demo",
			description = "Folder for the demo databases and its parity.yml (default: ./parity-data/demo).")
	Path dir;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		out.println("Creating the demo databases in " + dir.toAbsolutePath().normalize() + " ...");
		Path configFile;
		try {
			configFile = DemoDatabases.create(dir);
		}
		catch (RuntimeException ex) {
			throw new UserException(ex.getMessage());
		}
		ParityConfig config = ParityConfigLoader.load(configFile);
		try (ConfigurableApplicationContext context = ParityRuntime.start(config)) {
			Preflight.resolve(context, List.of());
			out.println();
			JobSummaries.counts(context, out, List.of(), "demo");
			out.println();
			JobSummaries.diff(context, out, List.of(), "demo");
			out.println();
			JobSummaries.checksum(context, out, List.of(), "demo");
			out.println();
			JobSummaries.reconcile(context, out, List.of(), "demo", null);
			int open = context.getBean(DiscrepancyRepository.class).find(DiscrepancyStatus.OPEN).size();
			out.println();
			out.println("Open discrepancies after reconcile: " + open + " (./parity discrepancies --config " + configFile
					+ "; every change is in the audit log)");
			dev.parity.reports.SignOffReport report = context.getBean(dev.parity.reports.SignOffReportBuilder.class).build();
			Path pdf = configFile.resolveSibling("signoff.pdf");
			try (java.io.OutputStream stream = java.nio.file.Files.newOutputStream(pdf)) {
				context.getBean(dev.parity.reports.PdfReportRenderer.class).render(report, stream);
			}
			out.println("Readiness:        " + report.readiness().verdict() + " (./parity status --config " + configFile + ")");
			out.println("Checkpoints:      ./parity checkpoints --config " + configFile);
			out.println();
			out.println("Configuration:    " + configFile);
			out.println("Control database: " + config.control().safeUrl());
			out.println("Sign-off report:  " + pdf);
			return ExitCodes.OK;
		}
	}

}
