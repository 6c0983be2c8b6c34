package dev.parity.processors;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import dev.parity.core.compare.ComparePlan;
import dev.parity.core.compare.RowQueries;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;
import dev.parity.core.count.TableCounter;
import dev.parity.core.reconcile.FixAction;
import dev.parity.core.reconcile.FixPlanner;
import dev.parity.core.reconcile.ReconcileDecision;
import dev.parity.core.reconcile.ReconcileTimings;
import dev.parity.core.reconcile.ReconcileTimings.Phase;
import dev.parity.core.repository.Discrepancy;
import dev.parity.core.repository.SchemaRepository;

/**
 * Re-reads each key of a batch of open discrepancies on both sides, by key (one query per side and
 * table; rows matched to keys exactly, whatever the collations), and decides its fix with the table's
 * {@link FixPlanner}: a key whose sides now agree is self-healed, one updated within the lag window is
 * left for the next run, the others get their rule's fix from the source's current values. Keys of a
 * table paused meanwhile (by a {@code pause} rule) are left open.
 */
public class ReconcileItemProcessor implements ItemProcessor<List<Discrepancy>, List<ReconcileDecision>> {

	private final Map<String, FixPlanner> planners;

	private final SourceDatabase source;

	private final TargetDatabase target;

	private final Duration lagWindow;

	private final SchemaRepository schemas;

	private final ReconcileTimings timings;

	public ReconcileItemProcessor(Map<String, FixPlanner> planners, SourceDatabase source, TargetDatabase target,
			Duration lagWindow, SchemaRepository schemas, ReconcileTimings timings) {
		this.planners = planners;
		this.source = source;
		this.target = target;
		this.lagWindow = lagWindow;
		this.schemas = schemas;
		this.timings = timings;
	}

	@Override
	public List<ReconcileDecision> process(List<Discrepancy> batch) {
		long started = System.nanoTime();
		long reading = 0;
		Map<String, Map<Map<String, String>, List<Discrepancy>>> byTable = new LinkedHashMap<>();
		batch.forEach((d) -> byTable.computeIfAbsent(d.table(), (t) -> new LinkedHashMap<>())
			.computeIfAbsent(d.key(), (k) -> new ArrayList<>())
			.add(d));
		LocalDateTime cutoff = null;
		List<ReconcileDecision> decisions = new ArrayList<>();
		for (Map.Entry<String, Map<Map<String, String>, List<Discrepancy>>> table : byTable.entrySet()) {
			FixPlanner planner = planners.get(table.getKey());
			List<List<Discrepancy>> groups = new ArrayList<>(table.getValue().values());
			if (schemas.isPaused(table.getKey())) {
				groups.forEach((g) -> decisions.add(paused(table.getKey(), g)));
				continue;
			}
			ComparePlan plan = planner.plan();
			if (cutoff == null && plan.pair().lagAware()) {
				cutoff = TableCounter.now(source).minus(lagWindow);
			}
			List<Object[]> keys = groups.stream().map((g) -> plan.parseKey(g.get(0).key())).toList();
			long read = System.nanoTime();
			TreeMap<Object[], List<Object[]>> sourceRows = byKey(plan,
					source.fetch(RowQueries.byKeys(source.dsl(), plan, true, keys), RowQueries.readers(plan, true, source)));
			timings.add(Phase.SOURCE, read);
			long readTarget = System.nanoTime();
			TreeMap<Object[], List<Object[]>> targetRows = byKey(plan, planner.targetRows(target, keys));
			timings.add(Phase.TARGET, readTarget);
			reading += System.nanoTime() - read;
			for (int i = 0; i < groups.size(); i++) {
				List<Object[]> sourceCopies = sourceRows.getOrDefault(keys.get(i), List.of());
				decisions.add(planner.decide(groups.get(i), sourceCopies.isEmpty() ? null : sourceCopies.get(0),
						targetRows.getOrDefault(keys.get(i), List.of()), plan.pair().lagAware() ? cutoff : null));
			}
		}
		timings.add(Phase.DECIDE, started + reading);
		return decisions;
	}

	private static ReconcileDecision paused(String table, List<Discrepancy> group) {
		return new ReconcileDecision(table, group.get(0).key(), group.stream().map(Discrepancy::id).toList(),
				ReconcileDecision.Outcome.PAUSE, FixAction.NONE, null, "table is paused", null, null, List.of());
	}

	private static TreeMap<Object[], List<Object[]>> byKey(ComparePlan plan, List<Object[]> records) {
		TreeMap<Object[], List<Object[]>> rows = new TreeMap<>(plan.order());
		for (Object[] row : records) {
			rows.computeIfAbsent(plan.key(row), (k) -> new ArrayList<>()).add(row);
		}
		return rows;
	}

}
