package dev.parity.core.compare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import dev.parity.core.canonical.ColumnKind;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;

/**
 * Splits a table pair's key space into partitions of about {@code rowsPerPartition} source rows. A
 * single integer key is split arithmetically between the source's smallest and largest key (two
 * indexed queries; target rows beyond them fall in the open first or last partition); any other key
 * by sampling every n-th source key in binary key order (one ordered scan). The first partition is open below and the last open above, so every row of either
 * side falls in exactly one partition.
 */
public final class KeyBoundaries {

	private KeyBoundaries() {
	}

	public static List<KeyRange> split(ComparePlan plan, SourceDatabase source, TargetDatabase target,
			long rowsPerPartition) {
		return split(plan, source, rows(plan, source), rowsPerPartition);
	}

	/** As {@link #split(ComparePlan, SourceDatabase, TargetDatabase, long)}, with the source's rows already known ({@link #rows}). */
	public static List<KeyRange> split(ComparePlan plan, SourceDatabase source, long rows, long rowsPerPartition) {
		int partitions = (int) Math.max(1, Math.min(10_000, (rows + rowsPerPartition - 1) / rowsPerPartition));
		if (partitions == 1) {
			return List.of(KeyRange.ALL);
		}
		List<Map<String, String>> bounds = plan.keySize() == 1 && plan.keyKinds().get(0) == ColumnKind.INTEGER
				? arithmetic(plan, source, partitions) : sampled(plan, source, rows, partitions);
		List<KeyRange> ranges = new ArrayList<>();
		Map<String, String> lower = null;
		for (Map<String, String> bound : bounds) {
			ranges.add(new KeyRange(lower, bound));
			lower = bound;
		}
		ranges.add(new KeyRange(lower, null));
		return ranges;
	}

	/**
	 * The source's rows: a large table's statistics estimate (partitions are only "about"
	 * rowsPerPartition rows, and counting 5 million InnoDB rows takes a second), else an exact count.
	 */
	public static long rows(ComparePlan plan, SourceDatabase source) {
		long estimate = source.dialect().estimatedRows(source.dsl(), plan.pair().source());
		return estimate >= ESTIMATE_ABOVE ? estimate : source.dsl().fetchCount(plan.pair().source());
	}

	/** Below this many rows (by the estimate) the source is counted exactly. */
	static final long ESTIMATE_ABOVE = 1_000_000;

	private static List<Map<String, String>> arithmetic(ComparePlan plan, SourceDatabase source, int partitions) {
		Field<?> key = plan.keyFields(true).get(0);
		Record minMax = source.dsl().select(DSL.min(key), DSL.max(key)).from(plan.pair().source()).fetchSingle();
		List<Map<String, String>> bounds = new ArrayList<>();
		if (minMax.get(0) == null) {
			return bounds;
		}
		BigDecimal min = new BigDecimal(minMax.get(0).toString());
		BigDecimal max = new BigDecimal(minMax.get(1).toString());
		BigDecimal step = max.subtract(min).add(BigDecimal.ONE).divide(BigDecimal.valueOf(partitions), 0, RoundingMode.CEILING);
		BigDecimal bound = min.add(step);
		while (bound.compareTo(max) <= 0 && step.signum() > 0) {
			bounds.add(plan.keyText(new Object[] { bound.toBigInteger() }));
			bound = bound.add(step);
		}
		return bounds;
	}

	private static List<Map<String, String>> sampled(ComparePlan plan, SourceDatabase source, long rows,
			int partitions) {
		long every = Math.max(1, rows / partitions);
		List<Map<String, String>> bounds = new ArrayList<>();
		for (Record record : RowQueries.everyNthKey(source.dsl(), source.dialect(), plan, every).limit(partitions - 1).fetch()) {
			bounds.add(plan.keyText(record.intoArray()));
		}
		return bounds;
	}

}
