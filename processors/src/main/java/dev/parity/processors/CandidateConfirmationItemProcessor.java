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
import dev.parity.core.compare.ConfirmedCandidate;
import dev.parity.core.compare.Comparison;
import dev.parity.core.compare.RowComparator;
import dev.parity.core.compare.RowQueries;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;
import dev.parity.core.count.TableCounter;
import dev.parity.core.repository.DiffCandidate;

/**
 * The confirmation pass: re-reads a batch of candidate keys on both sides, by key, and judges them
 * again with a fresh lag cutoff. A key that now agrees was in flight; one still inside the lag window
 * is counted as in flight; only one that still differs becomes a discrepancy. Rows are matched to
 * keys exactly (binary), whatever the engines' collations.
 */
public class CandidateConfirmationItemProcessor implements ItemProcessor<List<DiffCandidate>, List<ConfirmedCandidate>> {

	private final Map<String, ComparePlan> plans;

	private final SourceDatabase source;

	private final TargetDatabase target;

	private final java.util.function.Function<String, Duration> lagWindow;

	/** @param lagWindow each table's lag window in this run */
	public CandidateConfirmationItemProcessor(Map<String, ComparePlan> plans, SourceDatabase source,
			TargetDatabase target, java.util.function.Function<String, Duration> lagWindow) {
		this.plans = plans;
		this.source = source;
		this.target = target;
		this.lagWindow = lagWindow;
	}

	@Override
	public List<ConfirmedCandidate> process(List<DiffCandidate> batch) {
		LocalDateTime now = TableCounter.now(source);
		Map<String, List<DiffCandidate>> byTable = new LinkedHashMap<>();
		batch.forEach((c) -> byTable.computeIfAbsent(c.table(), (t) -> new ArrayList<>()).add(c));
		List<ConfirmedCandidate> confirmed = new ArrayList<>();
		for (Map.Entry<String, List<DiffCandidate>> entry : byTable.entrySet()) {
			ComparePlan plan = plans.get(entry.getKey());
			List<Object[]> keys = entry.getValue().stream().map((c) -> plan.parseKey(c.key())).toList();
			TreeMap<Object[], List<Object[]>> sourceRows = rowsByKey(plan, true, keys);
			TreeMap<Object[], List<Object[]>> targetRows = rowsByKey(plan, false, keys);
			RowComparator comparator = new RowComparator(plan);
			LocalDateTime cutoff = now.minus(lagWindow.apply(entry.getKey()));
			for (int i = 0; i < keys.size(); i++) {
				List<Object[]> sourceCopies = sourceRows.getOrDefault(keys.get(i), List.of());
				List<Object[]> targetCopies = targetRows.getOrDefault(keys.get(i), List.of());
				DiffCandidate candidate = entry.getValue().get(i);
				if (sourceCopies.isEmpty() && targetCopies.isEmpty()) {
					// gone from both sides since the merge: nothing left to judge
					confirmed.add(new ConfirmedCandidate(candidate, new Comparison(Comparison.Outcome.EQUAL, List.of(), 0, 0)));
					continue;
				}
				Object[] sourceRow = sourceCopies.isEmpty() ? null : sourceCopies.get(0);
				confirmed.add(new ConfirmedCandidate(candidate, comparator.compare(sourceRow, targetCopies, cutoff)));
			}
		}
		return confirmed;
	}

	private TreeMap<Object[], List<Object[]>> rowsByKey(ComparePlan plan, boolean fromSource, List<Object[]> keys) {
		TreeMap<Object[], List<Object[]>> rows = new TreeMap<>(plan.order());
		dev.parity.core.connect.Database database = fromSource ? source : target;
		// The engine's IN may match more rows under its collation; looking rows up by binary key order
		// below keeps exact matches only. Values are read as the merge reads them (java.time, UTC).
		for (Object[] row : database.fetch(RowQueries.byKeys(database.dsl(), plan, fromSource, keys),
				RowQueries.readers(plan, fromSource, database))) {
			rows.computeIfAbsent(plan.key(row), (k) -> new ArrayList<>()).add(row);
		}
		return rows;
	}

}
