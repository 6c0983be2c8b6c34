package dev.parity.writers;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import dev.parity.core.compare.Bisection;
import dev.parity.core.compare.ChecksumVerdict;
import dev.parity.core.compare.RangeChecksum;
import dev.parity.core.repository.CheckpointRepository;
import dev.parity.core.repository.DiffRepository;
import dev.parity.core.repository.ManifestEntry;

/**
 * Stores judged chunks in the step's transaction: each chunk's manifest entry in the run's checkpoint,
 * its candidate keys for the confirmation pass, and the partition's progress (keys judged and equal),
 * so a restart neither loses nor double counts a chunk.
 */
public class ChecksumManifestItemWriter implements ItemWriter<ChecksumVerdict> {

	private final long runId;

	private final long checkpoint;

	private final CheckpointRepository checkpoints;

	private final DiffRepository diffs;

	public ChecksumManifestItemWriter(long runId, long checkpoint, CheckpointRepository checkpoints, DiffRepository diffs) {
		this.runId = runId;
		this.checkpoint = checkpoint;
		this.checkpoints = checkpoints;
		this.diffs = diffs;
	}

	@Override
	public void write(Chunk<? extends ChecksumVerdict> chunk) {
		for (ChecksumVerdict verdict : chunk) {
			RangeChecksum c = verdict.chunk();
			Bisection.Result r = verdict.result();
			checkpoints.add(checkpoint, new ManifestEntry(c.table(), c.partition(), c.chunk(), c.range().lower(),
					c.range().upper(), c.sums().source(), c.sums().target(), r.rowsFetched(), r.bytesFetched(), r.leaves(),
					r.largestLeaf(), c.seconds()));
			diffs.addCandidates(runId, r.candidates()
				.stream()
				.map((candidate) -> new DiffRepository.NewCandidate(c.table(), candidate.key(), candidate.candidate()))
				.toList());
			diffs.addProgress(runId, c.table(), c.partitionName(), r.keys(), r.equalKeys(), r.candidates().size());
		}
	}

}
