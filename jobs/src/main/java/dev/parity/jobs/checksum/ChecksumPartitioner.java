package dev.parity.jobs.checksum;

import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.parity.core.compare.ChecksumPlan;
import dev.parity.core.repository.Checkpoint;
import dev.parity.core.repository.CheckpointRepository;
import dev.parity.jobs.diff.KeyRangePartitioner;

/**
 * Opens the run's numbered checkpoint, records how each table is hashed (in SQL, or in Parity and why),
 * then splits every table's key space as the diff does ({@link KeyRangePartitioner}). A restarted run
 * reuses the stored partitions and continues the same checkpoint.
 */
public class ChecksumPartitioner implements Partitioner {

	private static final Logger log = LoggerFactory.getLogger(ChecksumPartitioner.class);

	private final KeyRangePartitioner ranges;

	private final ChecksumPlans plans;

	private final CheckpointRepository checkpoints;

	private final Clock clock;

	private final long runId;

	private final long jobExecutionId;

	ChecksumPartitioner(KeyRangePartitioner ranges, ChecksumPlans plans, CheckpointRepository checkpoints, Clock clock,
			long runId, long jobExecutionId) {
		this.ranges = ranges;
		this.plans = plans;
		this.checkpoints = checkpoints;
		this.clock = clock;
		this.runId = runId;
		this.jobExecutionId = jobExecutionId;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Checkpoint checkpoint = checkpoints.open(runId, jobExecutionId, clock.instant());
		for (ChecksumPlan plan : plans.byName().values()) {
			String table = plan.compare().pair().name();
			checkpoints.recordTable(checkpoint.number(), table, plan.sql() ? CheckpointRepository.SQL
					: CheckpointRepository.PARITY, plan.fallback());
			if (!plan.sql()) {
				log.warn("checksum {}: {}", table, plan.fallback());
			}
		}
		return ranges.partition(gridSize);
	}

}
