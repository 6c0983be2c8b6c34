package dev.parity.jobs.diff;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;

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

import dev.parity.core.compare.ConfirmedCandidate;
import dev.parity.core.compare.MergeVerdict;
import dev.parity.core.compare.RowPair;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;
import dev.parity.core.lag.LagWindows;
import dev.parity.core.mapping.TablePairResolver;
import dev.parity.core.repository.DiffCandidate;
import dev.parity.core.repository.DiffRepository;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.run.ParityJobParameters;
import dev.parity.jobs.support.ParityRunListener;
import dev.parity.processors.CandidateConfirmationItemProcessor;
import dev.parity.processors.EachItemProcessor;
import dev.parity.processors.RowComparisonItemProcessor;
import dev.parity.readers.CandidateBatchItemReader;
import dev.parity.readers.BatchingItemReader;
import dev.parity.readers.PairedRowItemReader;
import dev.parity.writers.ConfirmedFindingItemWriter;
import dev.parity.writers.DiffCandidateItemWriter;
import dev.parity.writers.FlatteningItemWriter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code diffJob}: the daily field-level diff.
 * <ol>
 * <li>{@code diffStep} splits each pair's key space ({@link KeyRangePartitioner}) and runs
 * {@code diffPartitionStep} on each partition in parallel ({@code parity.diff.threads}): both sides
 * streamed in one binary key order and merged; keys that are not equal become candidates. Tables of one
 * partition each share partitions (up to 100 tables, {@code partition-rows} rows), compared one after
 * the other ({@link SegmentedRowItemReader}).</li>
 * <li>{@code diffConfirmStep} re-reads every candidate by key on both sides and records only what
 * still differs outside the lag window.</li>
 * <li>{@code diffStatsStep} stores each table's statistics and resolves what was not seen again.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
public class DiffJobConfiguration {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, String>> KEY = new TypeReference<>() {
	};

	private static final TypeReference<List<DiffSegment>> SEGMENTS = new TypeReference<>() {
	};

	/** The default of the field match-rate exit criterion (99.9 %). */
	static final double MATCH_RATE_THRESHOLD = 0.999;

	@Bean
	@JobScope
	DiffPlans diffPlans(TablePairResolver resolver, LagWindows lagWindows,
			@Value("#{jobParameters['" + ParityJobParameters.TABLES + "']}") String tables) {
		return new DiffPlans(resolver.resolve(ParityJobParameters.tables(tables)), lagWindows);
	}

	// step 1: partitions of the merge pass
	@Bean
	@StepScope
	KeyRangePartitioner diffPartitioner(DiffPlans diffPlans, SourceDatabase source, TargetDatabase target,
			ParityConfig config) {
		return new KeyRangePartitioner(diffPlans, source, target, config.diff().partitionRows(), true);
	}

	// The partition's segments: one table's key range, or several small tables (KeyRangePartitioner#GROUP)
	@Bean
	@StepScope
	DiffSegments diffSegments(@Value("#{stepExecutionContext['table']}") String table,
			@Value("#{stepExecutionContext['lower']}") String lower,
			@Value("#{stepExecutionContext['upper']}") String upper,
			@Value("#{stepExecutionContext['partition']}") String partition,
			@Value("#{stepExecutionContext['cutoff']}") String cutoff,
			@Value("#{stepExecutionContext['group']}") String group) {
		if (group != null) {
			return new DiffSegments(JSON.readValue(group, SEGMENTS));
		}
		return new DiffSegments(List.of(new DiffSegment(table, partition, cutoff,
				lower == null ? null : JSON.readValue(lower, KEY), upper == null ? null : JSON.readValue(upper, KEY))));
	}

	// The merge pass's reader, processor and writer handle a chunk's keys as one item (a batch of
	// chunk-size keys): as beans in step scope each call goes through a proxy's bean lookup, which per
	// key cost a quarter of the diff's CPU on 5 million rows.
	@Bean
	@StepScope
	SegmentedRowItemReader diffItemReader(DiffPlans diffPlans, SourceDatabase source, TargetDatabase target,
			ParityConfig config, DiffSegments diffSegments) {
		return new SegmentedRowItemReader(diffSegments,
				(segment) -> new BatchingItemReader<>(new PairedRowItemReader(diffPlans.get(segment.table()), source,
						target, segment.range(), config.diff().fetchSize(), segment.partition()),
						config.diff().chunkSize()));
	}

	@Bean
	@StepScope
	SegmentItemProcessor diffItemProcessor(DiffPlans diffPlans, DiffSegments diffSegments) {
		return new SegmentItemProcessor(diffSegments, (segment) -> new EachItemProcessor<>(
				new RowComparisonItemProcessor(diffPlans.get(segment.table()), segment.cutoffTime())));
	}

	@Bean
	@StepScope
	SegmentItemWriter diffItemWriter(DiffRepository diffs, DiffSegments diffSegments,
			@Value("#{jobExecutionContext['" + ParityJobParameters.RUN_ID + "']}") Long runId) {
		return new SegmentItemWriter(diffSegments, (segment) -> new FlatteningItemWriter<>(
				new DiffCandidateItemWriter(runId, segment.table(), segment.partition(), diffs)));
	}

	/**
	 * Deliberately not a bean: Spring Batch's {@code BatchObservabilityBeanPostProcessor} hands every
	 * step bean the context's observation registry, and Spring Batch 6 then observes each item read and
	 * processed — with Actuator on the classpath a Micrometer timer per row, measured at 42 % of the
	 * diff's CPU on 5 million rows. Built here, the step keeps the no-op registry; the job and
	 * {@code diffStep} keep their observations (durations for Prometheus).
	 */
	private static Step diffPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SegmentedRowItemReader diffItemReader, SegmentItemProcessor diffItemProcessor,
			SegmentItemWriter diffItemWriter) {
		return new StepBuilder("diffPartitionStep", jobRepository).<List<RowPair>, List<MergeVerdict>>chunk(1)
			.observationRegistry(io.micrometer.observation.ObservationRegistry.NOOP)
			.transactionManager(transactionManager)
			.reader(diffItemReader)
			.processor(diffItemProcessor)
			.writer(diffItemWriter)
			.build();
	}

	@Bean
	ThreadPoolTaskExecutor diffTaskExecutor(ParityConfig config) {
		return dev.parity.jobs.support.JobSupportConfiguration.partitionExecutor("parity-diff-", config.diff().threads());
	}

	@Bean
	Step diffStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			KeyRangePartitioner diffPartitioner, SegmentedRowItemReader diffItemReader,
			SegmentItemProcessor diffItemProcessor, SegmentItemWriter diffItemWriter,
			ThreadPoolTaskExecutor diffTaskExecutor, ParityConfig config) {
		return new StepBuilder("diffStep", jobRepository).partitioner("diffPartitionStep", diffPartitioner)
			.step(diffPartitionStep(jobRepository, transactionManager, diffItemReader, diffItemProcessor, diffItemWriter))
			.gridSize(config.diff().threads())
			.taskExecutor(diffTaskExecutor)
			.build();
	}

	// step 2: the confirmation pass
	@Bean
	@StepScope
	CandidateBatchItemReader diffConfirmItemReader(DiffRepository diffs, ParityConfig config,
			@Value("#{jobExecutionContext['" + ParityJobParameters.RUN_ID + "']}") Long runId) {
		return new CandidateBatchItemReader(diffs, runId, config.diff().confirmBatch());
	}

	@Bean
	@StepScope
	CandidateConfirmationItemProcessor diffConfirmItemProcessor(DiffPlans diffPlans, SourceDatabase source,
			TargetDatabase target, ParityConfig config) {
		return new CandidateConfirmationItemProcessor(diffPlans.byName(), source, target, diffPlans::lagWindow);
	}

	@Bean
	@StepScope
	ConfirmedFindingItemWriter diffConfirmItemWriter(DiffRepository diffs, DiscrepancyRepository discrepancies,
			Clock clock, @Value("#{jobExecutionContext['" + ParityJobParameters.RUN_ID + "']}") Long runId) {
		return new ConfirmedFindingItemWriter(runId, diffs, discrepancies, clock);
	}

	@Bean
	Step diffConfirmStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CandidateBatchItemReader diffConfirmItemReader, CandidateConfirmationItemProcessor diffConfirmItemProcessor,
			ConfirmedFindingItemWriter diffConfirmItemWriter) {
		return new StepBuilder("diffConfirmStep", jobRepository).<List<DiffCandidate>, List<ConfirmedCandidate>>chunk(1)
			.transactionManager(transactionManager)
			.reader(diffConfirmItemReader)
			.processor(diffConfirmItemProcessor)
			.writer(diffConfirmItemWriter)
			.build();
	}

	// step 3: statistics and resolution
	@Bean
	@StepScope
	DiffStatsTasklet diffStatsTasklet(DiffPlans diffPlans, DiffRepository diffs, DiscrepancyRepository discrepancies,
			Clock clock, @Value("#{jobExecutionContext['" + ParityJobParameters.RUN_ID + "']}") Long runId) {
		return new DiffStatsTasklet(runId, diffPlans, diffs, discrepancies, clock, MATCH_RATE_THRESHOLD);
	}

	@Bean
	Step diffStatsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DiffStatsTasklet diffStatsTasklet) {
		return new StepBuilder("diffStatsStep", jobRepository).tasklet(diffStatsTasklet, transactionManager).build();
	}

	@Bean
	Job diffJob(JobRepository jobRepository, Step schemaStep, Step diffStep, Step diffConfirmStep, Step diffStatsStep,
			ParityRunListener parityRunListener) {
		return new JobBuilder("diffJob", jobRepository).listener(parityRunListener)
			.start(schemaStep)
			.next(diffStep)
			.next(diffConfirmStep)
			.next(diffStatsStep)
			.build();
	}

}
