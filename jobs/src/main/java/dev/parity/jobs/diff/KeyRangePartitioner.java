package dev.parity.jobs.diff;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.parity.core.compare.ComparePlan;
import dev.parity.core.compare.KeyBoundaries;
import dev.parity.core.compare.KeyRange;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;
import dev.parity.core.count.TableCounter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Splits every selected table pair's key space into partitions ({@link KeyBoundaries}) and gives each
 * its table, bounds and the run's lag cutoff (the source's clock minus the lag window, taken once per
 * table). Spring Batch keeps these contexts, so a restarted run reuses the same partitions.
 * <p>
 * With grouping (the diff), tables of one partition each share partitions: up to {@value #GROUP_TABLES}
 * of them and {@code rowsPerPartition} source rows together in one {@link #GROUP} context, a JSON list of
 * {@link DiffSegment}s compared one after the other, each under the partition name it would have had alone
 * ({@code table:00000}). A partition costs Spring Batch a step execution, its updates and step-scoped beans
 * (tens of milliseconds); a table of 20 rows costs a millisecond to compare.
 */
public class KeyRangePartitioner implements Partitioner {

	static final String TABLE = "table";

	static final String LOWER = "lower";

	static final String UPPER = "upper";

	static final String CUTOFF = "cutoff";

	static final String PARTITION = "partition";

	static final String GROUP = "group";

	/** The most tables in one grouped partition. */
	static final int GROUP_TABLES = 100;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DiffPlans plans;

	private final SourceDatabase source;

	private final TargetDatabase target;

	private final long rowsPerPartition;

	private final boolean group;

	public KeyRangePartitioner(DiffPlans plans, SourceDatabase source, TargetDatabase target, long rowsPerPartition) {
		this(plans, source, target, rowsPerPartition, false);
	}

	public KeyRangePartitioner(DiffPlans plans, SourceDatabase source, TargetDatabase target, long rowsPerPartition,
			boolean group) {
		this.plans = plans;
		this.source = source;
		this.target = target;
		this.rowsPerPartition = rowsPerPartition;
		this.group = group;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		List<DiffSegment> grouped = new ArrayList<>();
		long groupedRows = 0;
		for (ComparePlan plan : plans.byName().values()) {
			LocalDateTime cutoff = plan.pair().lagAware() ? TableCounter.now(source).minus(plans.lagWindow(plan.pair().name())) : null;
			long rows = KeyBoundaries.rows(plan, source);
			List<KeyRange> ranges = KeyBoundaries.split(plan, source, rows, rowsPerPartition);
			if (group && ranges.size() == 1) {
				if (!grouped.isEmpty() && (grouped.size() == GROUP_TABLES || groupedRows + rows > rowsPerPartition)) {
					putGroup(partitions, grouped);
					grouped = new ArrayList<>();
					groupedRows = 0;
				}
				grouped.add(new DiffSegment(plan.pair().name(), plan.pair().name() + ":00000",
						cutoff == null ? null : cutoff.toString(), null, null));
				groupedRows += Math.max(0, rows);
				continue;
			}
			for (int i = 0; i < ranges.size(); i++) {
				String name = plan.pair().name() + ":" + String.format("%05d", i);
				ExecutionContext context = new ExecutionContext();
				context.putString(TABLE, plan.pair().name());
				context.putString(PARTITION, name);
				if (ranges.get(i).lower() != null) {
					context.putString(LOWER, JSON.writeValueAsString(ranges.get(i).lower()));
				}
				if (ranges.get(i).upper() != null) {
					context.putString(UPPER, JSON.writeValueAsString(ranges.get(i).upper()));
				}
				if (cutoff != null) {
					context.putString(CUTOFF, cutoff.toString());
				}
				partitions.put(name, context);
			}
		}
		if (!grouped.isEmpty()) {
			putGroup(partitions, grouped);
		}
		return partitions;
	}

	// A name no table's partition has ("table:00000"): parentheses and a space.
	private static void putGroup(Map<String, ExecutionContext> partitions, List<DiffSegment> segments) {
		String name = String.format("(group %05d)", partitions.size());
		ExecutionContext context = new ExecutionContext();
		context.putString(GROUP, JSON.writeValueAsString(segments));
		context.putString(PARTITION, name);
		partitions.put(name, context);
	}

}
