package dev.parity.readers;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import dev.parity.core.mapping.TablePair;

/**
 * Reads the selected table pairs, resolved against the live schemas when the step opens. Restartable:
 * the number of pairs already read is kept in the step's execution context, so a restarted step
 * continues with the first pair whose chunk did not commit.
 */
public class TablePairItemReader extends AbstractItemCountingItemStreamItemReader<TablePair> {

	private final Supplier<List<TablePair>> pairs;

	private List<TablePair> resolved = List.of();

	public TablePairItemReader(Supplier<List<TablePair>> pairs) {
		this.pairs = pairs;
		setName("tablePairItemReader");
	}

	@Override
	protected void doOpen() {
		resolved = pairs.get();
	}

	@Override
	protected TablePair doRead() {
		int index = getCurrentItemCount() - 1;
		return index < resolved.size() ? resolved.get(index) : null;
	}

	@Override
	protected void jumpToItem(int itemIndex) {
		// doRead indexes by the current count, which the superclass has already set.
	}

	@Override
	protected void doClose() {
		resolved = List.of();
	}

}
