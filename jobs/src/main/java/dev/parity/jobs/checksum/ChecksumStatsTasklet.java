package dev.parity.jobs.checksum;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.parity.core.compare.ChecksumPlan;
import dev.parity.core.repository.CheckpointRepository;
import dev.parity.core.repository.DiffRepository;
import dev.parity.core.repository.DiffStats;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyType;

/**
 * The checksum's last step: per table, the run's row statistics become its {@code CHECKSUM} check
 * result (the detail says when the table was hashed in Parity, and why, and when its lag window was
 * widened), row-level discrepancies the
 * run no longer saw are resolved, and the checkpoint is marked complete. Idempotent, so a restart may
 * run it again.
 */
public class ChecksumStatsTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(ChecksumStatsTasklet.class);

	private static final List<DiscrepancyType> ROW_TYPES = List.of(DiscrepancyType.MISSING_IN_TARGET,
			DiscrepancyType.EXTRA_IN_TARGET, DiscrepancyType.FIELD_MISMATCH, DiscrepancyType.DUPLICATE_IN_TARGET);

	private final long runId;

	private final ChecksumPlans plans;

	private final DiffRepository diffs;

	private final DiscrepancyRepository discrepancies;

	private final CheckpointRepository checkpoints;

	private final Clock clock;

	ChecksumStatsTasklet(long runId, ChecksumPlans plans, DiffRepository diffs, DiscrepancyRepository discrepancies,
			CheckpointRepository checkpoints, Clock clock) {
		this.runId = runId;
		this.plans = plans;
		this.diffs = diffs;
		this.discrepancies = discrepancies;
		this.checkpoints = checkpoints;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		Instant now = clock.instant();
		var started = chunkContext.getStepContext().getStepExecution().getJobExecution().getStartTime();
		Duration duration = started == null ? Duration.ZERO : Duration.between(started, java.time.LocalDateTime.now());
		// A fixed number of control statements for all tables (as in the diff's statistics step)
		java.util.Map<String, Integer> columns = new java.util.LinkedHashMap<>();
		java.util.Map<String, String> notes = new java.util.HashMap<>();
		for (ChecksumPlan plan : plans.byName().values()) {
			String table = plan.compare().pair().name();
			columns.put(table, plan.compare().columnCount());
			String note = plans.note(table);
			if (note != null) {
				notes.put(table, note);
			}
		}
		java.util.Map<String, DiffStats> stats = diffs.stats(runId, columns);
		diffs.saveResults(runId, "CHECKSUM", stats.values(), 1.0, duration, now, notes);
		discrepancies.resolveUnseen(columns.keySet(), ROW_TYPES, runId, "checksumJob", now);
		for (ChecksumPlan plan : plans.byName().values()) {
			DiffStats table = stats.get(plan.compare().pair().name());
			log.info("checksum {}: {} rows compared, {} equal, {} in flight{}", table.table(), table.rowsCompared(),
					table.rowsEqual(), table.rowsInFlight(), plan.sql() ? "" : " (" + plan.fallback() + ")");
		}
		checkpoints.byRunId(runId).ifPresent((checkpoint) -> checkpoints.complete(checkpoint.number(), now));
		return RepeatStatus.FINISHED;
	}

}
