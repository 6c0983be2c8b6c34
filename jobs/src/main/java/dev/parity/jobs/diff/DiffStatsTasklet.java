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
		// A fixed number of control statements for all tables: statistics in two grouped queries, the
		// results in one batch, the unseen discrepancies resolved in one update.
		java.util.Map<String, Integer> columns = new java.util.LinkedHashMap<>();
		plans.byName().values().forEach((plan) -> columns.put(plan.pair().name(), plan.columnCount()));
		java.util.Map<String, DiffStats> stats = diffs.stats(runId, columns);
		java.util.Map<String, String> notes = new java.util.HashMap<>();
		for (String table : columns.keySet()) {
			String note = plans.effectiveLagWindow(table).note();
			if (note != null) {
				notes.put(table, note);
				log.warn("diff {}: {}", table, note);
			}
		}
		diffs.saveResults(runId, "DIFF", stats.values(), matchRateThreshold, duration, now, notes);
		discrepancies.resolveUnseen(columns.keySet(), ROW_TYPES, runId, "diffJob", now);
		for (DiffStats table : stats.values()) {
			log.info("diff {}: {} rows compared, {} equal, {} in flight, {} of {} fields mismatched, match rate {}",
					table.table(), table.rowsCompared(), table.rowsEqual(), table.rowsInFlight(),
					table.fieldsMismatched(), table.fieldsCompared(), String.format("%.4f%%", table.matchRate() * 100));
		}
		return RepeatStatus.FINISHED;
	}

}
