package dev.parity.jobs.reconcile;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.parity.core.compare.ComparePlan;
import dev.parity.core.connect.TargetDatabase;
import dev.parity.core.reconcile.FixPlanner;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyStatus;
import dev.parity.core.repository.FixJournal;
import dev.parity.core.repository.FixJournal.PendingFix;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code reconcileRecoverStep}: settles the intents an interrupted run left behind, before anything
 * new is fixed. Each is re-read on the target by key: holding the rows expected after, the change was
 * committed and is confirmed and audited now (its discrepancies resolved); holding the rows before, it
 * never reached the target and is abandoned (its discrepancies stay open and this run repairs them);
 * anything else is abandoned too and the key judged afresh. Skipped in a dry run, which changes nothing.
 */
class FixRecoveryTasklet implements Tasklet {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FixRecoveryTasklet.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final FixJournal journal;

	private final Map<String, FixPlanner> planners;

	private final TargetDatabase target;

	private final DiscrepancyRepository discrepancies;

	private final Clock clock;

	private final String trigger;

	private final boolean dryRun;

	FixRecoveryTasklet(FixJournal journal, Map<String, FixPlanner> planners, TargetDatabase target,
			DiscrepancyRepository discrepancies, Clock clock, String trigger, boolean dryRun) {
		this.journal = journal;
		this.planners = planners;
		this.target = target;
		this.discrepancies = discrepancies;
		this.clock = clock;
		this.trigger = trigger;
		this.dryRun = dryRun;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		if (dryRun) {
			return RepeatStatus.FINISHED;
		}
		// Settled per chunk, a chunk only when every table it touched is part of this run.
		Map<String, List<PendingFix>> chunks = new LinkedHashMap<>();
		journal.pending().forEach((p) -> chunks.computeIfAbsent(p.chunkRef(), (c) -> new ArrayList<>()).add(p));
		for (Map.Entry<String, List<PendingFix>> chunk : chunks.entrySet()) {
			if (!chunk.getValue().stream().allMatch((p) -> planners.containsKey(p.table()))) {
				continue; // settled by a run that includes its tables
			}
			chunk.getValue().forEach(this::settle);
			journal.settled(chunk.getKey());
		}
		return RepeatStatus.FINISHED;
	}

	private void settle(PendingFix pending) {
		FixPlanner planner = planners.get(pending.table());
		ComparePlan plan = planner.plan();
		Object[] key = plan.parseKey(JSON.readValue(pending.keyJson(), new TypeReference<LinkedHashMap<String, String>>() {
		}));
		List<Object[]> rows = new ArrayList<>();
		for (Object[] row : planner.targetRows(target, List.<Object[]>of(key))) {
			if (plan.order().compare(plan.key(row), key) == 0) {
				rows.add(row);
			}
		}
		if (planner.holds(pending.after(), rows)) {
			journal.settle(pending, true,
					"confirmed after an interrupted run: the target holds the rows expected after the fix", clock.instant());
			discrepancies.setStatus(pending.discrepancyIds(), DiscrepancyStatus.RESOLVED, trigger,
					"repaired by reconcile run " + pending.runId() + " (confirmed after it was interrupted)",
					clock.instant());
			log.info("{} {}: fix {} of interrupted run {} was applied; confirmed and audited now", pending.table(),
					pending.keyJson(), pending.chunkRef() + "#" + pending.position(), pending.runId());
		}
		else {
			boolean untouched = planner.holds(pending.before(), rows);
			journal.settle(pending, false, untouched ? "not applied: the run was interrupted before the target commit"
					: "the target changed after the run was interrupted; judged again", clock.instant());
			log.info("{} {}: fix {} of interrupted run {} abandoned ({})", pending.table(), pending.keyJson(),
					pending.chunkRef() + "#" + pending.position(), pending.runId(),
					untouched ? "never applied" : "target changed since");
		}
	}

}
