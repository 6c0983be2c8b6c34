package dev.parity.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;

import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.lowagie.text.pdf.PdfReader;

import dev.parity.core.config.ConnectionSettings;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.ReportSettings;
import dev.parity.core.config.TableMapping;
import dev.parity.core.run.ParityJobParameters;
import dev.parity.jobs.JobTestApplication;

/** {@code reportJob} (what the weekly schedule runs) writes the sign-off PDF into its directory. */
@SpringBatchTest
@SpringBootTest(classes = { JobTestApplication.class, ReportJobFunctionalTests.Config.class })
class ReportJobFunctionalTests {

	static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "parity-report-job-" + System.nanoTime());

	@TestConfiguration
	static class Config {

		@Bean
		ParityConfig parityConfig() {
			// The report reads only the control database; source and target are never opened.
			ConnectionSettings unused = new ConnectionSettings("jdbc:h2:mem:unused", "sa", "", 1);
			return new ParityConfig("Report job test", unused, unused,
					dev.parity.jobs.JobTestSupport.control("report"),
					Duration.ofMinutes(5), List.of(new TableMapping("accounts", "accounts", "accounts", null, null, true, null,
							null)),
					null, null, null, null, new ReportSettings(null, "Dana", null, null, DIRECTORY.toString()), null, null,
					null);
		}

	}

	@Autowired
	JobOperatorTestUtils jobs;

	@Autowired
	Job reportJob;

	@Test
	void writesTheSignOffPdfIntoTheReportDirectory() throws Exception {
		// when
		jobs.setJob(reportJob);
		JobExecution execution = jobs.startJob(dev.parity.jobs.JobTestSupport.launch("schedule").toJobParameters());

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Path file = Path.of(execution.getExecutionContext().getString(ReportJobConfiguration.REPORT_FILE));
		assertThat(file.getParent()).isEqualTo(DIRECTORY.toAbsolutePath().normalize());
		assertThat(file.getFileName().toString()).matches("signoff-\\d{8}-\\d{6}\\.pdf");
		assertThat(new String(Files.readAllBytes(file), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		PdfReader pdf = new PdfReader(file.toString());
		assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(5);
		pdf.close();
		try (var listing = Files.list(DIRECTORY)) {
			assertThat(listing.map(Path::getFileName).map(Path::toString)).as("no partial file left")
				.containsExactly(file.getFileName().toString());
		}
	}

}
