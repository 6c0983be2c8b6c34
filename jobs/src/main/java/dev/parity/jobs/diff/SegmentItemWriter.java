package dev.parity.jobs.diff;

import java.util.List;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import dev.parity.core.compare.MergeVerdict;

/**
 * Writes a chunk (one batch) with the writer of its segment ({@link DiffSegments#current()}): the
 * candidates and progress under the segment's table and partition name, as if it had its own partition.
 */
class SegmentItemWriter implements ItemWriter<List<MergeVerdict>> {

	private final DiffSegments segments;

	private final Function<DiffSegment, ItemWriter<List<MergeVerdict>>> writers;

	private int built = -1;

	private ItemWriter<List<MergeVerdict>> writer;

	SegmentItemWriter(DiffSegments segments, Function<DiffSegment, ItemWriter<List<MergeVerdict>>> writers) {
		this.segments = segments;
		this.writers = writers;
	}

	@Override
	public void write(Chunk<? extends List<MergeVerdict>> chunk) throws Exception {
		int current = segments.current();
		if (current != built) {
			writer = writers.apply(segments.get(current));
			built = current;
		}
		writer.write(chunk);
	}

}
