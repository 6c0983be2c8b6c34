package dev.parity.jobs.reconcile;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import dev.parity.core.config.ParityConfig;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;
import dev.parity.core.mapping.TablePairResolver;
import dev.parity.core.reconcile.FixCheckpoint;
import dev.parity.core.reconcile.FixExecutor;
import dev.parity.core.reconcile.ReconcileDecision;
import dev.parity.core.reconcile.ReconcileRules;
import dev.parity.core.reconcile.ReconcileTimings;
import dev.parity.core.reconcile.Throttle;
import dev.parity.core.repository.Discrepancy;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.FixJournal;
import dev.parity.core.repository.SchemaRepository;
import dev.parity.core.run.ParityJobParameters;
import dev.parity.jobs.support.ParityRunListener;
import dev.parity.processors.ReconcileItemProcessor;
import dev.parity.readers.OpenDiscrepancyItemReader;
import dev.parity.writers.TargetFixItemWriter;

/**
 * {@code reconcileJob} ({@code ./parity reconcile}): rule-based repair of the target, never the source.
 * <ol>
 * <li>{@code schemaStep}: the mapping still fits both schemas (a conflict pauses the table);</li>
 * <li>{@code reconcileRecoverStep}: intents left by an interrupted run are confirmed or abandoned;</li>
 * <li>{@code reconcileCapStep}: the safety valves (max fixes, max share of a table);</li>
 * <li>{@code reconcileStep}: open row-level discrepancies in batches, re-read on both sides, fixed by
 * rule in target transactions, journalled and audited ({@link TargetFixItemWriter}).</li>
 * </ol>
 * Job parameters besides the common ones: {@code dryRun} ({@code true}: change nothing, write the SQL
 * to {@code sqlOut}).
 */
@Configuration(proxyBeanMethods = false)
public class ReconcileJobConfiguration {

	@Bean
	@JobScope
	ReconcilePlans reconcilePlans(TablePairResolver resolver,
			@Value("#{jobParameters['" + ParityJobParameters.TABLES + "']}") String tables) {
		return new ReconcilePlans(resolver.resolve(ParityJobParameters.tables(tables)));
	}

	@Bean
	@StepScope
	FixRecoveryTasklet fixRecoveryTasklet(FixJournal journal, ReconcilePlans reconcilePlans, TargetDatabase target,
			DiscrepancyRepository discrepancies, Clock clock,
			@Value("#{jobParameters['" + ParityJobParameters.TRIGGER + "']}") String trigger,
			@Value("#{jobParameters['" + ParityJobParameters.DRY_RUN + "']}") String dryRun) {
		return new FixRecoveryTasklet(journal, reconcilePlans.planners(), target, discrepancies, clock,
				trigger == null ? "unknown" : trigger, Boolean.parseBoolean(dryRun));
	}

	@Bean
	Step reconcileRecoverStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			FixRecoveryTasklet fixRecoveryTasklet) {
		return new StepBuilder("reconcileRecoverStep", jobRepository).tasklet(fixRecoveryTasklet, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	FixCapTasklet fixCapTasklet(ReconcilePlans reconcilePlans, DiscrepancyRepository discrepancies,
			SourceDatabase source, TargetDatabase target, ParityConfig config) {
		return new FixCapTasklet(reconcilePlans.planners(), discrepancies, source, target, config.reconcile());
	}

	@Bean
	Step reconcileCapStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			FixCapTasklet fixCapTasklet) {
		return new StepBuilder("reconcileCapStep", jobRepository).tasklet(fixCapTasklet, transactionManager).build();
	}

	@Bean
	@StepScope
	OpenDiscrepancyItemReader reconcileItemReader(DiscrepancyRepository discrepancies, ReconcilePlans reconcilePlans,
			ParityConfig config) {
		return new OpenDiscrepancyItemReader(discrepancies, reconcilePlans.planners().keySet(), ReconcileRules.ROW_TYPES,
				config.reconcile().batchSize());
	}

	@Bean
	@StepScope
	ReconcileTimings reconcileTimings() {
		return new ReconcileTimings();
	}

	@Bean
	@StepScope
	ReconcileItemProcessor reconcileItemProcessor(ReconcilePlans reconcilePlans, SourceDatabase source,
			TargetDatabase target, ParityConfig config, SchemaRepository schemas, ReconcileTimings reconcileTimings) {
		return new ReconcileItemProcessor(reconcilePlans.planners(), source, target, config.lagWindow(), schemas,
				reconcileTimings);
	}

	@Bean
	@StepScope
	TargetFixItemWriter reconcileItemWriter(ReconcilePlans reconcilePlans, FixJournal journal,
			DiscrepancyRepository discrepancies,
			SchemaRepository schemas, TargetDatabase target, PlatformTransactionManager transactionManager,
			ParityConfig config, ObjectProvider<FixCheckpoint> checkpoint, Clock clock, ReconcileTimings reconcileTimings,
			@Value("#{jobExecutionContext['" + ParityJobParameters.RUN_ID + "']}") Long runId,
			@Value("#{jobParameters['" + ParityJobParameters.TRIGGER + "']}") String trigger,
			@Value("#{jobParameters['" + ParityJobParameters.DRY_RUN + "']}") String dryRun,
			@Value("#{jobParameters['" + ParityJobParameters.SQL_OUT + "']}") String sqlOut) {
		Path dryRunSql = Boolean.parseBoolean(dryRun) ? Path.of(sqlOut == null ? "parity-reconcile-dry-run.sql" : sqlOut)
				: null;
		return new TargetFixItemWriter(runId, trigger == null ? "unknown" : trigger, journal, discrepancies, schemas,
				new FixExecutor(target, reconcilePlans.planners()), transactionManager, Throttle.of(config.reconcile().maxRowsPerSecond()),
				checkpoint.getIfAvailable(() -> FixCheckpoint.NONE), clock, dryRunSql, reconcileTimings);
	}

	@Bean
	Step reconcileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			OpenDiscrepancyItemReader reconcileItemReader, ReconcileItemProcessor reconcileItemProcessor,
			TargetFixItemWriter reconcileItemWriter, ReconcileTimings reconcileTimings) {
		return new StepBuilder("reconcileStep", jobRepository).<List<Discrepancy>, List<ReconcileDecision>>chunk(1)
			.transactionManager(transactionManager)
			.reader(reconcileItemReader)
			.processor(reconcileItemProcessor)
			.writer(reconcileItemWriter)
			.listener(lastConfirmation(reconcileItemWriter, reconcileTimings))
			.listener(timedReads(reconcileTimings))
			.build();
	}

	private static ItemReadListener<List<Discrepancy>> timedReads(ReconcileTimings timings) {
		return new ItemReadListener<>() {

			private long started;

			@Override
			public void beforeRead() {
				started = System.nanoTime();
			}

			@Override
			public void afterRead(List<Discrepancy> item) {
				timings.add(ReconcileTimings.Phase.READ, started);
			}

		};
	}

	/**
	 * A chunk's confirmation runs while the next chunk is prepared; the last one belongs to the step,
	 * which fails if it fails. The step's time by phase goes to its execution context
	 * ({@link ParityJobParameters#TIMINGS}) for the run's summary.
	 */
	private static StepExecutionListener lastConfirmation(TargetFixItemWriter writer, ReconcileTimings timings) {
		return new StepExecutionListener() {

			@Override
			public ExitStatus afterStep(StepExecution stepExecution) {
				try {
					long waiting = System.nanoTime();
					writer.awaitConfirmation();
					timings.add(ReconcileTimings.Phase.WAIT, waiting);
					stepExecution.getExecutionContext().putString(ParityJobParameters.TIMINGS, timings.describe());
					return null;
				}
				catch (RuntimeException ex) {
					stepExecution.setStatus(BatchStatus.FAILED);
					stepExecution.addFailureException(ex);
					return ExitStatus.FAILED.addExitDescription(ex);
				}
			}

		};
	}

	@Bean
	Job reconcileJob(JobRepository jobRepository, Step schemaStep, Step reconcileRecoverStep, Step reconcileCapStep,
			Step reconcileStep, ParityRunListener parityRunListener) {
		return new JobBuilder("reconcileJob", jobRepository).listener(parityRunListener)
			.start(schemaStep)
			.next(reconcileRecoverStep)
			.next(reconcileCapStep)
			.next(reconcileStep)
			.build();
	}

}
