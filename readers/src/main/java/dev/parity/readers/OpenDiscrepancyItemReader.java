package dev.parity.readers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import dev.parity.core.repository.Discrepancy;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyRepository.Position;
import dev.parity.core.repository.DiscrepancyType;

/**
 * Reads open row-level discrepancies of the run's tables in batches (one item = one batch, re-read
 * by key in one query per side), in (table, key, id) order. A batch never splits the discrepancies of
 * one key, unless one key alone has more than a batch. Restartable: the position after the last batch
 * read is kept in the step's execution context.
 */
public class OpenDiscrepancyItemReader implements ItemStreamReader<List<Discrepancy>> {

	static final String TABLE = "reconcile.table";

	static final String KEY = "reconcile.key";

	static final String ID = "reconcile.id";

	private final DiscrepancyRepository repository;

	private final Collection<String> tables;

	private final Collection<DiscrepancyType> types;

	private final int batchSize;

	private Position position;

	public OpenDiscrepancyItemReader(DiscrepancyRepository repository, Collection<String> tables,
			Collection<DiscrepancyType> types, int batchSize) {
		this.repository = repository;
		this.tables = List.copyOf(tables);
		this.types = List.copyOf(types);
		this.batchSize = batchSize;
	}

	@Override
	public void open(ExecutionContext context) {
		position = context.containsKey(ID)
				? new Position(context.getString(TABLE), context.getString(KEY), context.getLong(ID)) : null;
	}

	@Override
	public List<Discrepancy> read() {
		if (tables.isEmpty()) {
			return null;
		}
		List<Discrepancy> batch = repository.openAfter(tables, types, position, batchSize);
		if (batch.isEmpty()) {
			return null;
		}
		if (batch.size() == batchSize) {
			Discrepancy last = batch.get(batch.size() - 1);
			int cut = batch.size();
			while (cut > 0 && sameKey(batch.get(cut - 1), last)) {
				cut--;
			}
			if (cut > 0) {
				batch = batch.subList(0, cut);
			}
		}
		Discrepancy last = batch.get(batch.size() - 1);
		position = new Position(last.table(), DiscrepancyRepository.keyJson(last), last.id());
		return new ArrayList<>(batch);
	}

	private static boolean sameKey(Discrepancy a, Discrepancy b) {
		return a.table().equals(b.table()) && Objects.equals(a.key(), b.key());
	}

	@Override
	public void update(ExecutionContext context) {
		if (position != null) {
			context.putString(TABLE, position.table());
			context.putString(KEY, position.keyJson());
			context.putLong(ID, position.id());
		}
	}

}
