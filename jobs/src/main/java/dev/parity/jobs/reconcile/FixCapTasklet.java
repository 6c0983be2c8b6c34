package dev.parity.jobs.reconcile;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.parity.core.config.ReconcileSettings;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;
import dev.parity.core.mapping.TablePair;
import dev.parity.core.reconcile.FixPlanner;
import dev.parity.core.reconcile.ReconcileRules;
import dev.parity.core.reconcile.ReconcileStoppedException;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyType;

/**
 * {@code reconcileCapStep}: stops the run before anything changes when it would rewrite a large part
 * of a table ({@code parity.reconcile.max-table-percent} of the larger side's rows) or too many rows in
 * all ({@code parity.reconcile.max-fixes}). Rows to change are the distinct keys of open discrepancies
 * whose rule changes the target. That many fixes signal a mapping bug, not drift.
 */
class FixCapTasklet implements Tasklet {

	private final Map<String, FixPlanner> planners;

	private final DiscrepancyRepository discrepancies;

	private final SourceDatabase source;

	private final TargetDatabase target;

	private final ReconcileSettings settings;

	FixCapTasklet(Map<String, FixPlanner> planners, DiscrepancyRepository discrepancies, SourceDatabase source,
			TargetDatabase target, ReconcileSettings settings) {
		this.planners = planners;
		this.discrepancies = discrepancies;
		this.source = source;
		this.target = target;
		this.settings = settings;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		long total = 0;
		for (FixPlanner planner : planners.values()) {
			TablePair pair = planner.plan().pair();
			Set<DiscrepancyType> fixing = ReconcileRules.fixing(pair.mapping());
			int keys = fixing.isEmpty() ? 0 : discrepancies.countOpenKeys(pair.name(), fixing);
			if (keys == 0) {
				continue;
			}
			long rows = Math.max(1, Math.max(source.dsl().fetchCount(pair.source()), target.dsl().fetchCount(pair.target())));
			double percent = keys * 100.0 / rows;
			if (percent > settings.maxTablePercent()) {
				throw new ReconcileStoppedException(String.format(Locale.ROOT,
						"reconcile stopped before changing anything: it would change %d of the %d rows of %s (%.1f %%,"
								+ " above parity.reconcile.max-table-percent %s), which signals a mapping bug rather than"
								+ " drift; review the mapping and the discrepancies, or raise the limit",
						keys, rows, pair.name(), percent, plain(settings.maxTablePercent())));
			}
			total += keys;
		}
		if (total > settings.maxFixes()) {
			throw new ReconcileStoppedException(String.format(Locale.ROOT,
					"reconcile stopped before changing anything: it would change %d rows, above"
							+ " parity.reconcile.max-fixes %d, which signals a mapping bug rather than drift; review the"
							+ " mapping and the discrepancies, or raise the limit (or reconcile fewer tables with --table)",
					total, settings.maxFixes()));
		}
		return RepeatStatus.FINISHED;
	}

	private static String plain(double value) {
		return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

}
