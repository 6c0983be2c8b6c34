package dev.parity.processors;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Applies a per-item processor to each item of a batch (see {@code BatchingItemReader}), in order; an
 * item the delegate filters out (null) is left out of the result.
 */
public class EachItemProcessor<I, O> implements ItemProcessor<List<I>, List<O>> {

	private final ItemProcessor<I, O> delegate;

	public EachItemProcessor(ItemProcessor<I, O> delegate) {
		this.delegate = delegate;
	}

	@Override
	public List<O> process(List<I> items) throws Exception {
		List<O> results = new ArrayList<>(items.size());
		for (I item : items) {
			O result = delegate.process(item);
			if (result != null) {
				results.add(result);
			}
		}
		return results;
	}

}
