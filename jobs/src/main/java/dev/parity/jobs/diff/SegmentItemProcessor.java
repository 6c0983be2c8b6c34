package dev.parity.jobs.diff;

import java.util.List;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import dev.parity.core.compare.MergeVerdict;
import dev.parity.core.compare.RowPair;

/** Compares a batch with the processor of its segment ({@link DiffSegments#current()}), built once per segment. */
class SegmentItemProcessor implements ItemProcessor<List<RowPair>, List<MergeVerdict>> {

	private final DiffSegments segments;

	private final Function<DiffSegment, ItemProcessor<List<RowPair>, List<MergeVerdict>>> processors;

	private int built = -1;

	private ItemProcessor<List<RowPair>, List<MergeVerdict>> processor;

	SegmentItemProcessor(DiffSegments segments,
			Function<DiffSegment, ItemProcessor<List<RowPair>, List<MergeVerdict>>> processors) {
		this.segments = segments;
		this.processors = processors;
	}

	@Override
	public List<MergeVerdict> process(List<RowPair> batch) throws Exception {
		int current = segments.current();
		if (current != built) {
			processor = processors.apply(segments.get(current));
			built = current;
		}
		return processor.process(batch);
	}

}
