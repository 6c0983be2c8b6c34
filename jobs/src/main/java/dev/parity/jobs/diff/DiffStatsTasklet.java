package dev.parity.jobs.diff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.scope.context.ChunkContext;

import dev.parity.core.compare.ComparePlan;
import dev.parity.core.repository.DiffRepository;
import dev.parity.core.repository.DiffStats;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyType;

/**
 * The diff's last step: per table, the run's statistics (rows compared and equal, fields compared and
 * mismatched, match rate) become its check result, and row-level discrepancies the run no longer saw
 * are resolved. Idempotent, so a restart may run it again.
 */
public class DiffStatsTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(DiffStatsTasklet.class);

	private static final List<DiscrepancyType> ROW_TYPES = List.of(DiscrepancyType.MISSING_IN_TARGET,
			DiscrepancyType.EXTRA_IN_TARGET, DiscrepancyType.FIELD_MISMATCH, DiscrepancyType.DUPLICATE_IN_TARGET);

	private final long runId;

	private final DiffPlans plans;

	private final DiffRepository diffs;

	private final DiscrepancyRepository discrepancies;

	private final Clock clock;

	private final double matchRateThreshold;

	public DiffStatsTasklet(long runId, DiffPlans plans, DiffRepository diffs, DiscrepancyRepository discrepancies,
			Clock clock, double matchRateThreshold) {
		this.runId = runId;
		this.plans = plans;
		this.diffs = diffs;
		this.discrepancies = discrepancies;
		this.clock = clock;
		this.matchRateThreshold = matchRateThreshold;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		Instant now = clock.instant();
		var started = chunkContext.getStepContext().getStepExecution().getJobExecution().getStartTime();
		Duration duration = started == null ? Duration.ZERO
				: Duration.between(started, java.time.LocalDateTime.now());
		for (ComparePlan plan : plans.byName().values()) {
			DiffStats stats = diffs.stats(runId, plan.pair().name(), plan.columnCount());
			String note = plans.effectiveLagWindow(plan.pair().name()).note();
			diffs.saveResult(runId, stats, matchRateThreshold, duration, now, note);
			if (note != null) {
				log.warn("diff {}: {}", stats.table(), note);
			}
			discrepancies.resolveUnseen(plan.pair().name(), ROW_TYPES, runId, "diffJob", now);
			log.info("diff {}: {} rows compared, {} equal, {} in flight, {} of {} fields mismatched, match rate {}",
					stats.table(), stats.rowsCompared(), stats.rowsEqual(), stats.rowsInFlight(),
					stats.fieldsMismatched(), stats.fieldsCompared(), String.format("%.4f%%", stats.matchRate() * 100));
		}
		return RepeatStatus.FINISHED;
	}

}
