package dev.parity.jobs.schema;

import java.time.Clock;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import dev.parity.core.config.ParityConfig;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.mapping.Catalogs;
import dev.parity.core.repository.AuditLog;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.SchemaRepository;
import dev.parity.core.run.ParityJobParameters;
import dev.parity.jobs.support.ParityRunListener;

/**
 * {@code schemaJob} ({@code ./parity check schema}) and its {@code schemaStep}, which also opens
 * {@code countsJob} and {@code diffJob}.
 */
@Configuration(proxyBeanMethods = false)
public class SchemaJobConfiguration {

	@Bean
	@StepScope
	SchemaCheckTasklet schemaCheckTasklet(ParityConfig config, SourceDatabase source, Catalogs catalogs,
			SchemaRepository schemas, DiscrepancyRepository discrepancies, AuditLog audit, Clock clock,
			@Value("#{jobParameters['" + ParityJobParameters.TABLES + "']}") String tables,
			@Value("#{jobExecutionContext['" + ParityJobParameters.RUN_ID + "']}") Long runId) {
		return new SchemaCheckTasklet(runId, config.select(ParityJobParameters.tables(tables)), source, catalogs, schemas,
				discrepancies, audit, clock);
	}

	@Bean
	Step schemaStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SchemaCheckTasklet schemaCheckTasklet) {
		return new StepBuilder("schemaStep", jobRepository).tasklet(schemaCheckTasklet, transactionManager).build();
	}

	@Bean
	Job schemaJob(JobRepository jobRepository, Step schemaStep, ParityRunListener parityRunListener) {
		return new JobBuilder("schemaJob", jobRepository).listener(parityRunListener).start(schemaStep).build();
	}

}
