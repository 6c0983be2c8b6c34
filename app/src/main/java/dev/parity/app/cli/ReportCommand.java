package dev.parity.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.parity.app.ParityRuntime;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.reports.PdfReportRenderer;
import dev.parity.reports.ReportCsvWriter;
import dev.parity.reports.SignOffReport;
import dev.parity.reports.SignOffReportBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./parity report [--out FILE] [--format pdf|csv]}: the sign-off report. */
@Command(name = "report", mixinStandardHelpOptions = true,
		description = { "Writes the sign-off report: a PDF (JasperReports) for approvers and auditors, or the same",
				"data as CSV for audit tooling. Default: ./parity-data/reports/signoff-<time>.pdf" })
class ReportCommand implements Callable<Integer> {

	enum Format {
		pdf, csv
	}

	@Mixin
	ConfigOption config;

	@Option(names = "--out", paramLabel = "FILE", description = "Where to write the report.")
	Path out;

	@Option(names = "--format", defaultValue = "pdf", description = "pdf (default) or csv.")
	Format format;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		dev.parity.core.config.ParityConfig parity = config.load();
		try (ConfigurableApplicationContext context = ParityRuntime.start(parity)) {
			SignOffReport report = context.getBean(SignOffReportBuilder.class).build();
			Path file = out != null ? out
					: dev.parity.reports.ReportFiles.defaultFile(parity.report().directory(), report.readiness().evaluatedAt(),
							format.name());
			if (format == Format.pdf) {
				dev.parity.reports.ReportFiles.writePdf(context.getBean(PdfReportRenderer.class), report, file);
			}
			else {
				// Written beside the destination and moved into place: never a half-written report.
				Path parent = file.toAbsolutePath().getParent();
				Files.createDirectories(parent);
				Path partial = Files.createTempFile(parent, ".parity-report-", ".part");
				try {
					try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
						ReportCsvWriter.write(writer, report,
								context.getBean(DiscrepancyRepository.class).openCritical(Integer.MAX_VALUE));
					}
					Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				}
				finally {
					Files.deleteIfExists(partial);
				}
			}
			spec.commandLine().getOut().println("Wrote the sign-off report (" + report.readiness().verdict() + ") to "
					+ file.toAbsolutePath().normalize());
			return ExitCodes.OK;
		}
		catch (UncheckedIOException ex) {
			throw new UserException("report: cannot write " + out + ": " + ex.getCause().getMessage());
		}
	}

}
