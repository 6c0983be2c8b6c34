package dev.parity.jobs.report;

import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

import dev.parity.core.config.ParityConfig;
import dev.parity.jobs.support.ParityRunListener;
import dev.parity.reports.PdfReportRenderer;
import dev.parity.reports.ReportFiles;
import dev.parity.reports.ReportsConfiguration;
import dev.parity.reports.SignOffReport;
import dev.parity.reports.SignOffReportBuilder;

/**
 * {@code reportJob}: writes the sign-off PDF into {@code parity.report.directory}, so that the weekly
 * schedule ({@code parity.schedules.report}) produces it like any other job. The file's path is kept
 * in the job execution context under {@code parity.report}.
 */
@Configuration(proxyBeanMethods = false)
@Import(ReportsConfiguration.class)
public class ReportJobConfiguration {

	static final String REPORT_FILE = "parity.report";

	private static final Logger log = LoggerFactory.getLogger(ReportJobConfiguration.class);

	@Bean
	Tasklet reportTasklet(SignOffReportBuilder builder, PdfReportRenderer renderer, ParityConfig config, Clock clock) {
		return (contribution, chunkContext) -> {
			SignOffReport report = builder.build();
			Path file = ReportFiles.defaultFile(config.report().directory(), clock.instant(), "pdf");
			ReportFiles.writePdf(renderer, report, file);
			chunkContext.getStepContext()
				.getStepExecution()
				.getJobExecution()
				.getExecutionContext()
				.putString(REPORT_FILE, file.toAbsolutePath().normalize().toString());
			log.info("sign-off report ({}) written to {}", report.readiness().verdict(), file.toAbsolutePath().normalize());
			return RepeatStatus.FINISHED;
		};
	}

	@Bean
	Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet reportTasklet) {
		return new StepBuilder("reportStep", jobRepository).tasklet(reportTasklet, transactionManager).build();
	}

	@Bean
	Job reportJob(JobRepository jobRepository, Step reportStep, ParityRunListener parityRunListener) {
		return new JobBuilder("reportJob", jobRepository).listener(parityRunListener).start(reportStep).build();
	}

}
