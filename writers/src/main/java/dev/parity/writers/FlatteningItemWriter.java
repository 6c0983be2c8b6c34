package dev.parity.writers;

import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of batches (see {@code BatchingItemReader}) as one chunk of their items, in order, with
 * a per-item writer.
 */
public class FlatteningItemWriter<T> implements ItemWriter<List<T>> {

	private final ItemWriter<T> delegate;

	public FlatteningItemWriter(ItemWriter<T> delegate) {
		this.delegate = delegate;
	}

	@Override
	public void write(Chunk<? extends List<T>> chunk) throws Exception {
		Chunk<T> items = new Chunk<>();
		for (List<T> batch : chunk) {
			batch.forEach(items::add);
		}
		delegate.write(items);
	}

}
