package dev.parity.jobs.diff;

import java.util.List;

/**
 * The segments of one diff partition (its step execution) and which of them the batch being
 * processed and written belongs to. The reader sets it before it hands a batch on; the partition's
 * step reads, processes and writes one batch per chunk on one thread, so the processor and the writer
 * of that chunk see the segment the batch came from.
 */
class DiffSegments {

	private final List<DiffSegment> segments;

	private int current;

	DiffSegments(List<DiffSegment> segments) {
		this.segments = List.copyOf(segments);
	}

	public int size() {
		return segments.size();
	}

	public DiffSegment get(int index) {
		return segments.get(index);
	}

	public void current(int index) {
		current = index;
	}

	public int current() {
		return current;
	}

}
