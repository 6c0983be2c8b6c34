package dev.parity.readers;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Hands on up to {@code size} items of a delegate as one item, so that a step whose work per item is
 * small (the diff's merge pass: one key) pays Spring Batch's per-item costs — the step-scoped proxy's
 * bean lookup, the item listeners — once per batch rather than once per row. Used with a chunk of one
 * batch; {@link #update} saves the delegate's state after the whole batch, so a restart resumes after
 * the last committed batch.
 */
public class BatchingItemReader<T> implements ItemStreamReader<List<T>> {

	private final ItemStreamReader<T> delegate;

	private final int size;

	public BatchingItemReader(ItemStreamReader<T> delegate, int size) {
		if (size < 1) {
			throw new IllegalArgumentException("batch size must be at least 1, not " + size);
		}
		this.delegate = delegate;
		this.size = size;
	}

	@Override
	public List<T> read() throws Exception {
		List<T> batch = null;
		T item;
		while ((batch == null || batch.size() < size) && (item = delegate.read()) != null) {
			if (batch == null) {
				batch = new ArrayList<>(size);
			}
			batch.add(item);
		}
		return batch;
	}

	@Override
	public void open(ExecutionContext context) {
		delegate.open(context);
	}

	@Override
	public void update(ExecutionContext context) {
		delegate.update(context);
	}

	@Override
	public void close() {
		delegate.close();
	}

}
