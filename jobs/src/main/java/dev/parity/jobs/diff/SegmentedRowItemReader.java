package dev.parity.jobs.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import dev.parity.core.compare.RowPair;

/**
 * Reads a diff partition's segments one after the other, in batches that never span two segments, and
 * marks each batch's segment in {@link DiffSegments}. Restartable: the step context keeps the segment
 * being read ({@value #SEGMENT}) and, under the prefix {@value #PREFIX}, that segment's reader's own state
 * (its last committed key), both saved after each committed chunk. A restarted partition resumes at that
 * segment after that key; the segments before it committed whole and are not read again.
 */
class SegmentedRowItemReader implements ItemStreamReader<List<RowPair>> {

	static final String SEGMENT = "segment.index";

	static final String PREFIX = "segment.state.";

	private final DiffSegments segments;

	private final Function<DiffSegment, ItemStreamReader<List<RowPair>>> readers;

	private ItemStreamReader<List<RowPair>> reader;

	private ExecutionContext state = new ExecutionContext();

	private int index;

	SegmentedRowItemReader(DiffSegments segments, Function<DiffSegment, ItemStreamReader<List<RowPair>>> readers) {
		this.segments = segments;
		this.readers = readers;
	}

	@Override
	public void open(ExecutionContext context) {
		index = context.containsKey(SEGMENT) ? context.getInt(SEGMENT) : 0;
		state = new ExecutionContext();
		for (Map.Entry<String, Object> entry : context.entrySet()) {
			if (entry.getKey().startsWith(PREFIX)) {
				state.put(entry.getKey().substring(PREFIX.length()), entry.getValue());
			}
		}
	}

	@Override
	public List<RowPair> read() throws Exception {
		while (index < segments.size()) {
			if (reader == null) {
				reader = readers.apply(segments.get(index));
				reader.open(state);
			}
			List<RowPair> batch = reader.read();
			if (batch != null) {
				segments.current(index);
				return batch;
			}
			// the segment is done: every batch of it was handed on before this one
			reader.close();
			reader = null;
			state = new ExecutionContext();
			index++;
		}
		return null;
	}

	@Override
	public void update(ExecutionContext context) {
		if (reader != null) {
			reader.update(state);
		}
		List<String> stale = new ArrayList<>();
		for (Map.Entry<String, Object> entry : context.entrySet()) {
			if (entry.getKey().startsWith(PREFIX)) {
				stale.add(entry.getKey());
			}
		}
		stale.forEach(context::remove);
		for (Map.Entry<String, Object> entry : state.entrySet()) {
			context.put(PREFIX + entry.getKey(), entry.getValue());
		}
		context.putInt(SEGMENT, index);
	}

	@Override
	public void close() {
		if (reader != null) {
			reader.close();
			reader = null;
		}
	}

}
