package dev.parity.readers;

import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import dev.parity.core.repository.DiffCandidate;
import dev.parity.core.repository.DiffRepository;

/**
 * Reads a diff run's candidate keys in batches (one item = one batch, re-read by key in one query per
 * side). Restartable: the last candidate id read is kept in the step's execution context.
 */
public class CandidateBatchItemReader implements ItemStreamReader<List<DiffCandidate>> {

	static final String LAST_ID = "candidates.lastId";

	private final DiffRepository repository;

	private final long runId;

	private final int batchSize;

	private long lastId;

	public CandidateBatchItemReader(DiffRepository repository, long runId, int batchSize) {
		this.repository = repository;
		this.runId = runId;
		this.batchSize = batchSize;
	}

	@Override
	public void open(ExecutionContext context) {
		lastId = context.containsKey(LAST_ID) ? context.getLong(LAST_ID) : 0L;
	}

	@Override
	public List<DiffCandidate> read() {
		List<DiffCandidate> batch = repository.candidates(runId, lastId, batchSize);
		if (batch.isEmpty()) {
			return null;
		}
		lastId = batch.get(batch.size() - 1).id();
		return batch;
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(LAST_ID, lastId);
	}

}
