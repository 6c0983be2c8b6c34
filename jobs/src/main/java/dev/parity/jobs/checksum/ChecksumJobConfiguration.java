package dev.parity.jobs.checksum;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import dev.parity.core.compare.Bisection;
import dev.parity.core.compare.ChecksumVerdict;
import dev.parity.core.compare.Checksummer;
import dev.parity.core.compare.ConfirmedCandidate;
import dev.parity.core.compare.KeyRange;
import dev.parity.core.compare.RangeChecksum;
import dev.parity.core.config.ChecksumSettings;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;
import dev.parity.core.repository.CheckpointRepository;
import dev.parity.core.repository.DiffCandidate;
import dev.parity.core.repository.DiffRepository;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.run.ParityJobParameters;
import dev.parity.jobs.diff.DiffPlans;
import dev.parity.jobs.diff.KeyRangePartitioner;
import dev.parity.jobs.support.ParityRunListener;
import dev.parity.processors.CandidateConfirmationItemProcessor;
import dev.parity.processors.ChecksumBisectionItemProcessor;
import dev.parity.readers.CandidateBatchItemReader;
import dev.parity.readers.KeyRangeChecksumItemReader;
import dev.parity.writers.ChecksumManifestItemWriter;
import dev.parity.writers.ConfirmedFindingItemWriter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code checksumJob}: the weekly partitioned checksum, pushed into both databases.
 * <ol>
 * <li>{@code schemaStep}, as before every job: a table with a schema conflict is paused and skipped.</li>
 * <li>{@code checksumStep} opens the run's numbered checkpoint, splits each pair's key space as the diff
 * does and runs {@code checksumPartitionStep} on each partition in parallel ({@code parity.checksum.threads}):
 * chunks sized to about {@code target-query-seconds} are checksummed on both sides at once (count and
 * sum of row hashes, computed in SQL; in Parity for a table in fallback); differing chunks are bisected
 * down to {@code bisect-rows} rows, compared by the diff's comparator; each chunk's manifest entry and
 * candidates commit together.</li>
 * <li>{@code checksumConfirmStep} re-reads every candidate by key on both sides, exactly as the diff's
 * confirmation pass (lag window).</li>
 * <li>{@code checksumStatsStep} stores each table's result, resolves what was not seen again and
 * completes the checkpoint.</li>
 * </ol>
 * Launched by name with the standard {@link ParityJobParameters} (CLI, schedule, cutover kill switch);
 * the checkpoint it writes is {@code CheckpointRepository.byRunId(execution's parity.runId)}.
 */
@Configuration(proxyBeanMethods = false)
public class ChecksumJobConfiguration {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, String>> KEY = new TypeReference<>() {
	};

	@Bean
	@JobScope
	ChecksumPlans checksumPlans(DiffPlans diffPlans, SourceDatabase source, TargetDatabase target) {
		return new ChecksumPlans(diffPlans, source, target);
	}

	// step 1: partitions, chunks, bisection
	@Bean
	@StepScope
	ChecksumPartitioner checksumPartitioner(DiffPlans diffPlans, ChecksumPlans checksumPlans, SourceDatabase source,
			TargetDatabase target, ParityConfig config, CheckpointRepository checkpoints, Clock clock,
			@Value("#{jobExecutionContext['" + ParityJobParameters.RUN_ID + "']}") Long runId,
			@Value("#{stepExecution.jobExecution.id}") Long jobExecutionId) {
		return new ChecksumPartitioner(new KeyRangePartitioner(diffPlans, source, target,
				config.checksum().partitionRows()), checksumPlans, checkpoints, clock, runId, jobExecutionId);
	}

	@Bean
	@StepScope
	Checksummer checksummer(ChecksumPlans checksumPlans, SourceDatabase source, TargetDatabase target,
			ExecutorService sideExecutor, ParityConfig config, @Value("#{stepExecutionContext['table']}") String table) {
		return new Checksummer(checksumPlans.get(table), source, target, sideExecutor, config.diff().fetchSize());
	}

	@Bean
	@StepScope
	KeyRangeChecksumItemReader checksumItemReader(Checksummer checksummer, ParityConfig config,
			@Value("#{stepExecutionContext['lower']}") String lower,
			@Value("#{stepExecutionContext['upper']}") String upper,
			@Value("#{stepExecutionContext['partition']}") String partition) {
		KeyRange range = new KeyRange(lower == null ? null : JSON.readValue(lower, KEY),
				upper == null ? null : JSON.readValue(upper, KEY));
		ChecksumSettings settings = config.checksum();
		return new KeyRangeChecksumItemReader(checksummer, range, partition, settings.targetQuerySeconds(),
				ChecksumSettings.FIRST_CHUNK_ROWS, settings.maxChunkRows());
	}

	@Bean
	@StepScope
	ChecksumBisectionItemProcessor checksumItemProcessor(Checksummer checksummer, ParityConfig config,
			@Value("#{stepExecutionContext['cutoff']}") String cutoff) {
		return new ChecksumBisectionItemProcessor(new Bisection(checksummer, config.checksum().bisectRows(),
				config.checksum().bisectFanOut(), cutoff == null ? null : LocalDateTime.parse(cutoff)));
	}

	@Bean
	@StepScope
	ChecksumManifestItemWriter checksumItemWriter(CheckpointRepository checkpoints, DiffRepository diffs,
			@Value("#{jobExecutionContext['" + ParityJobParameters.RUN_ID + "']}") Long runId) {
		long checkpoint = checkpoints.byRunId(runId)
			.orElseThrow(() -> new IllegalStateException("run " + runId + " has no checkpoint"))
			.number();
		return new ChecksumManifestItemWriter(runId, checkpoint, checkpoints, diffs);
	}

	@Bean
	Step checksumPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			KeyRangeChecksumItemReader checksumItemReader, ChecksumBisectionItemProcessor checksumItemProcessor,
			ChecksumManifestItemWriter checksumItemWriter) {
		// One chunk of rows per transaction: a chunk is already about target-query-seconds of work.
		return new StepBuilder("checksumPartitionStep", jobRepository).<RangeChecksum, ChecksumVerdict>chunk(1)
			.observationRegistry(io.micrometer.observation.ObservationRegistry.NOOP)
			.transactionManager(transactionManager)
			.reader(checksumItemReader)
			.processor(checksumItemProcessor)
			.writer(checksumItemWriter)
			.build();
	}

	@Bean
	ThreadPoolTaskExecutor checksumTaskExecutor(ParityConfig config) {
		return dev.parity.jobs.support.JobSupportConfiguration.partitionExecutor("parity-checksum-", config.checksum().threads());
	}

	@Bean
	Step checksumStep(JobRepository jobRepository, ChecksumPartitioner checksumPartitioner, Step checksumPartitionStep,
			ThreadPoolTaskExecutor checksumTaskExecutor, ParityConfig config) {
		return new StepBuilder("checksumStep", jobRepository).partitioner("checksumPartitionStep", checksumPartitioner)
			.step(checksumPartitionStep)
			.gridSize(config.checksum().threads())
			.taskExecutor(checksumTaskExecutor)
			.build();
	}

	// step 2: the confirmation pass, the diff's own (same reader, processor and writer)
	@Bean
	Step checksumConfirmStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CandidateBatchItemReader diffConfirmItemReader, CandidateConfirmationItemProcessor diffConfirmItemProcessor,
			ConfirmedFindingItemWriter diffConfirmItemWriter) {
		return new StepBuilder("checksumConfirmStep", jobRepository).<List<DiffCandidate>, List<ConfirmedCandidate>>chunk(1)
			.transactionManager(transactionManager)
			.reader(diffConfirmItemReader)
			.processor(diffConfirmItemProcessor)
			.writer(diffConfirmItemWriter)
			.build();
	}

	// step 3: results, resolution, the checkpoint completed
	@Bean
	@StepScope
	ChecksumStatsTasklet checksumStatsTasklet(ChecksumPlans checksumPlans, DiffRepository diffs,
			DiscrepancyRepository discrepancies, CheckpointRepository checkpoints, Clock clock,
			@Value("#{jobExecutionContext['" + ParityJobParameters.RUN_ID + "']}") Long runId) {
		return new ChecksumStatsTasklet(runId, checksumPlans, diffs, discrepancies, checkpoints, clock);
	}

	@Bean
	Step checksumStatsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ChecksumStatsTasklet checksumStatsTasklet) {
		return new StepBuilder("checksumStatsStep", jobRepository).tasklet(checksumStatsTasklet, transactionManager).build();
	}

	@Bean
	Job checksumJob(JobRepository jobRepository, Step schemaStep, Step checksumStep, Step checksumConfirmStep,
			Step checksumStatsStep, ParityRunListener parityRunListener) {
		return new JobBuilder("checksumJob", jobRepository).listener(parityRunListener)
			.start(schemaStep)
			.next(checksumStep)
			.next(checksumConfirmStep)
			.next(checksumStatsStep)
			.build();
	}

}
