package dev.parity.readers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import dev.parity.core.compare.ComparePlan;
import dev.parity.core.compare.KeyRange;
import dev.parity.core.compare.RowPair;
import dev.parity.core.compare.RowQueries;
import dev.parity.core.compare.RowStream;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Merges one partition of both sides, streamed in binary key order, into one {@link RowPair} per key:
 * source only, target only, or both (with every target copy of the key). Each side's order is checked
 * against Parity's {@link dev.parity.core.canonical.KeyOrder}: a row out of order is handed on alone,
 * marked, so it is re-checked by key and never mis-paired.
 *
 * <p>Restartable: the last key handed on is kept in the step's execution context, and a restarted
 * partition streams both sides from just after it.
 */
public class PairedRowItemReader implements ItemStreamReader<RowPair> {

	static final String LAST_KEY = "paired.lastKey";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ComparePlan plan;

	private final SourceDatabase source;

	private final TargetDatabase target;

	private final KeyRange range;

	private final int fetchSize;

	private final String name;

	private RowStream sourceRows;

	private RowStream targetRows;

	private Object[] sourceHead;

	private Object[] targetHead;

	private Object[] lastSourceKey;

	private Object[] lastTargetKey;

	private Object[] lastEmittedKey;

	private final Deque<RowPair> pending = new ArrayDeque<>();

	public PairedRowItemReader(ComparePlan plan, SourceDatabase source, TargetDatabase target, KeyRange range,
			int fetchSize, String name) {
		this.plan = plan;
		this.source = source;
		this.target = target;
		this.range = range;
		this.fetchSize = fetchSize;
		this.name = name;
	}

	@Override
	public void open(ExecutionContext context) {
		Object[] after = null;
		if (context.containsKey(LAST_KEY)) {
			after = plan.parseKey(JSON.readValue(context.getString(LAST_KEY), new TypeReference<LinkedHashMap<String, String>>() {
			}));
			lastEmittedKey = after;
		}
		Object[] start = after;
		sourceRows = new RowStream(source, RowQueries.ordered(source.dsl(), source.dialect(), plan, true, range, start),
				RowQueries.readers(plan, true, source), fetchSize, name + "-source");
		try {
			targetRows = new RowStream(target,
					RowQueries.ordered(target.dsl(), target.dialect(), plan, false, range, start),
					RowQueries.readers(plan, false, target), fetchSize, name + "-target");
		}
		catch (RuntimeException ex) {
			sourceRows.close();
			throw ex;
		}
	}

	@Override
	public RowPair read() {
		if (!pending.isEmpty()) {
			return pending.poll();
		}
		RowPair outOfOrder = fillSource();
		if (outOfOrder == null) {
			outOfOrder = fillTarget();
		}
		if (outOfOrder != null) {
			return outOfOrder;
		}
		if (sourceHead == null && targetHead == null) {
			return null;
		}
		int c = sourceHead == null ? 1 : targetHead == null ? -1 : plan.order().compare(plan.key(sourceHead), plan.key(targetHead));
		RowPair pair;
		if (c < 0) {
			pair = new RowPair(sourceHead, List.of(), false);
			lastEmittedKey = plan.key(sourceHead);
			sourceHead = null;
			return pair;
		}
		Object[] key = plan.key(targetHead);
		List<Object[]> copies = takeCopies();
		pair = new RowPair(c == 0 ? sourceHead : null, copies, false);
		if (c == 0) {
			sourceHead = null;
		}
		lastEmittedKey = key;
		return pair;
	}

	// The target head and every following row of the same key; an out-of-order row met on the way waits.
	private List<Object[]> takeCopies() {
		Object[] first = targetHead;
		Object[] key = plan.key(first);
		List<Object[]> copies = null;
		targetHead = null;
		while (targetRows.hasNext()) {
			Object[] row = targetRows.next();
			int c = plan.order().compare(plan.key(row), key);
			if (c == 0) {
				if (copies == null) {
					copies = new ArrayList<>(2);
					copies.add(first);
				}
				copies.add(row);
			}
			else if (c < 0) {
				pending.add(new RowPair(null, java.util.Collections.singletonList(row), true));
			}
			else {
				targetHead = row;
				lastTargetKey = plan.key(row);
				break;
			}
		}
		// one copy, the common case, without a growable list
		return copies == null ? java.util.Collections.singletonList(first) : copies;
	}

	private RowPair fillSource() {
		while (sourceHead == null && sourceRows.hasNext()) {
			Object[] row = sourceRows.next();
			Object[] key = plan.key(row);
			if (lastSourceKey != null && plan.order().compare(key, lastSourceKey) <= 0) {
				return new RowPair(row, List.of(), true);
			}
			sourceHead = row;
			lastSourceKey = key;
		}
		return null;
	}

	private RowPair fillTarget() {
		while (targetHead == null && targetRows.hasNext()) {
			Object[] row = targetRows.next();
			Object[] key = plan.key(row);
			if (lastTargetKey != null && plan.order().compare(key, lastTargetKey) <= 0) {
				return new RowPair(null, java.util.Collections.singletonList(row), true);
			}
			targetHead = row;
			lastTargetKey = key;
		}
		return null;
	}

	@Override
	public void update(ExecutionContext context) {
		if (lastEmittedKey != null && pending.isEmpty()) {
			Map<String, String> key = plan.keyText(lastEmittedKey);
			context.putString(LAST_KEY, JSON.writeValueAsString(key));
		}
	}

	@Override
	public void close() {
		if (sourceRows != null) {
			sourceRows.close();
		}
		if (targetRows != null) {
			targetRows.close();
		}
	}

}
