package dev.parity.writers;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import dev.parity.core.compare.MergeVerdict;
import dev.parity.core.repository.DiffRepository;

/**
 * Stores one chunk of the merge pass in the chunk's transaction: its candidate keys and the
 * partition's progress (keys seen, equal, candidates), so a restart neither loses nor double counts.
 */
public class DiffCandidateItemWriter implements ItemWriter<MergeVerdict> {

	private final long runId;

	private final String table;

	private final String partition;

	private final DiffRepository repository;

	public DiffCandidateItemWriter(long runId, String table, String partition, DiffRepository repository) {
		this.runId = runId;
		this.table = table;
		this.partition = partition;
		this.repository = repository;
	}

	@Override
	public void write(Chunk<? extends MergeVerdict> chunk) {
		long seen = 0;
		long equal = 0;
		long candidates = 0;
		java.util.List<DiffRepository.NewCandidate> keys = new java.util.ArrayList<>();
		for (MergeVerdict verdict : chunk) {
			if (!"ORDER".equals(verdict.candidate())) {
				seen++;
			}
			if (verdict.equal()) {
				equal++;
			}
			else {
				candidates++;
				keys.add(new DiffRepository.NewCandidate(table, verdict.key(), verdict.candidate()));
			}
		}
		repository.addCandidates(runId, keys);
		repository.addProgress(runId, table, partition, seen, equal, candidates);
	}

}
