package dev.parity.jobs.diff;

import java.time.LocalDateTime;
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
 */
public class KeyRangePartitioner implements Partitioner {

	static final String TABLE = "table";

	static final String LOWER = "lower";

	static final String UPPER = "upper";

	static final String CUTOFF = "cutoff";

	static final String PARTITION = "partition";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DiffPlans plans;

	private final SourceDatabase source;

	private final TargetDatabase target;

	private final long rowsPerPartition;

	public KeyRangePartitioner(DiffPlans plans, SourceDatabase source, TargetDatabase target, long rowsPerPartition) {
		this.plans = plans;
		this.source = source;
		this.target = target;
		this.rowsPerPartition = rowsPerPartition;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		for (ComparePlan plan : plans.byName().values()) {
			LocalDateTime cutoff = plan.pair().lagAware() ? TableCounter.now(source).minus(plans.lagWindow(plan.pair().name())) : null;
			List<KeyRange> ranges = KeyBoundaries.split(plan, source, target, rowsPerPartition);
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
		return partitions;
	}

}
