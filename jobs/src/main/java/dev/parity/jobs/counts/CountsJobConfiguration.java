package dev.parity.jobs.counts;

import java.time.Clock;
import java.util.concurrent.ExecutorService;

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
import dev.parity.core.connect.TargetDatabase;
import dev.parity.core.mapping.TablePairResolver;
import dev.parity.core.repository.CheckResultRepository;
import dev.parity.core.repository.CountResult;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.mapping.TablePair;
import dev.parity.core.run.ParityJobParameters;
import dev.parity.core.lag.ReplicationLag;
import dev.parity.jobs.support.ParityRunListener;
import dev.parity.processors.CountsItemProcessor;
import dev.parity.readers.TablePairItemReader;
import dev.parity.writers.CountResultItemWriter;

/**
 * {@code countsJob}: hourly record counts. A chunk of {@code parity.counts.tables-per-chunk} table
 * pairs (default {@value #TABLES_PER_CHUNK}): the chunk's results, discrepancies and lag alerts commit
 * together in the control database, or not at all, and a failed run restarts at the first table of the
 * chunk that did not commit, so no table is counted twice or skipped. Several tables per chunk, because
 * a chunk's commit and step-execution update cost more than counting a small table.
 */
@Configuration(proxyBeanMethods = false)
public class CountsJobConfiguration {

	static final int TABLES_PER_CHUNK = 50;

	// step 1: read the selected table pairs
	@Bean
	@StepScope
	TablePairItemReader countsItemReader(TablePairResolver resolver,
			@Value("#{jobParameters['" + ParityJobParameters.TABLES + "']}") String tables) {
		return new TablePairItemReader(() -> resolver.resolve(ParityJobParameters.tables(tables)));
	}

	// step 2: count both sides at once
	@Bean
	@StepScope
	CountsItemProcessor countsItemProcessor(SourceDatabase source, TargetDatabase target, ParityConfig config,
			ExecutorService sideExecutor) {
		return new CountsItemProcessor(source, target, config.lagWindow(), config.thresholds().countVariance(),
				sideExecutor);
	}

	// step 3: store results, discrepancies and lag alerts
	@Bean
	@StepScope
	CountResultItemWriter countsItemWriter(
			@Value("#{jobExecutionContext['" + ParityJobParameters.RUN_ID + "']}") Long runId,
			CheckResultRepository results, DiscrepancyRepository discrepancies, ParityConfig config, Clock clock,
			ReplicationLag replicationLag) {
		return new CountResultItemWriter(runId, results, discrepancies, config.thresholds().maxLag(), clock,
				replicationLag);
	}

	// step 4: after the step, a webhook per table whose replication lag is above the threshold
	@Bean
	LagAlertListener countsLagAlertListener(ReplicationLag replicationLag) {
		return new LagAlertListener(replicationLag);
	}

	@Bean
	Step countsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			TablePairItemReader countsItemReader, CountsItemProcessor countsItemProcessor,
			CountResultItemWriter countsItemWriter, LagAlertListener countsLagAlertListener,
			@Value("${parity.counts.tables-per-chunk:" + TABLES_PER_CHUNK + "}") int tablesPerChunk) {
		return new StepBuilder("countsStep", jobRepository).<TablePair, CountResult>chunk(Math.max(1, tablesPerChunk))
			.transactionManager(transactionManager)
			.listener(countsLagAlertListener)
			.reader(countsItemReader)
			.processor(countsItemProcessor)
			.writer(countsItemWriter)
			.build();
	}

	@Bean
	Job countsJob(JobRepository jobRepository, Step schemaStep, Step countsStep, ParityRunListener parityRunListener) {
		return new JobBuilder("countsJob", jobRepository).listener(parityRunListener)
			.start(schemaStep)
			.next(countsStep)
			.build();
	}

}
