package dev.parity.core.compare;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Narrows a key range whose checksums differ down to its differing rows. The range is split into
 * {@code fanOut} parts at every n-th key of the side holding more rows, both sides' checksums of each
 * part are computed, and only parts that still differ are split again — until a part holds at most
 * {@code leafRows} rows on both sides together. Those rows are fetched and judged by the diff's
 * {@link RowComparator} (same rules, same discrepancy types, same lag window), so a differing key
 * becomes a candidate for the confirmation pass exactly as in the diff.
 *
 * <p>Example: 5 differing rows among 1,000,000 with {@code leafRows = 1000} and {@code fanOut = 16}
 * fetch at most 5 × 1000 rows, after about 3 levels of 16 checksum queries per side.
 */
public final class Bisection {

	/** Deeper than any real key space needs; a guard against a range that cannot be split. */
	private static final int MAX_DEPTH = 64;

	private final Checksummer checksummer;

	private final RowComparator comparator;

	private final long leafRows;

	private final int fanOut;

	private final LocalDateTime cutoff;

	public Bisection(Checksummer checksummer, long leafRows, int fanOut, LocalDateTime cutoff) {
		this.checksummer = checksummer;
		this.comparator = new RowComparator(checksummer.plan().compare());
		this.leafRows = leafRows;
		this.fanOut = fanOut;
		this.cutoff = cutoff;
	}

	/** Judges {@code range}, whose checksums are {@code sums}. */
	public Result judge(KeyRange range, Checksummer.RangeSums sums) {
		Result result = new Result();
		visit(range, sums, 0, result);
		return result;
	}

	private void visit(KeyRange range, Checksummer.RangeSums sums, int depth, Result result) {
		if (sums.equal()) {
			result.keys += sums.source().count();
			result.equalKeys += sums.source().count();
			return;
		}
		long rows = sums.source().count() + sums.target().count();
		if (rows <= leafRows || depth >= MAX_DEPTH) {
			leaf(range, result);
			return;
		}
		boolean bySource = sums.source().count() >= sums.target().count();
		long larger = Math.max(sums.source().count(), sums.target().count());
		long every = Math.max(1, (larger + fanOut - 1) / fanOut);
		List<Map<String, String>> bounds = checksummer.splitKeys(bySource, range, every, fanOut - 1);
		List<KeyRange> parts = split(range, bounds);
		if (parts.size() < 2) {
			leaf(range, result); // one key holds the rows (duplicates): nothing to split
			return;
		}
		result.checksumQueries += 2L * parts.size();
		for (KeyRange part : parts) {
			visit(part, checksummer.both(part), depth + 1, result);
		}
	}

	private static List<KeyRange> split(KeyRange range, List<Map<String, String>> bounds) {
		List<KeyRange> parts = new ArrayList<>();
		Map<String, String> lower = range.lower();
		for (Map<String, String> bound : bounds) {
			if (!bound.equals(lower)) {
				parts.add(new KeyRange(lower, bound));
				lower = bound;
			}
		}
		parts.add(new KeyRange(lower, range.upper()));
		return parts;
	}

	// Fetches both sides of a small range and judges every key as the diff's merge does.
	private void leaf(KeyRange range, Result result) {
		ComparePlan plan = checksummer.plan().compare();
		List<Object[]> sourceRows = checksummer.rows(true, range);
		List<Object[]> targetRows = checksummer.rows(false, range);
		result.leaves++;
		result.rowsFetched += sourceRows.size() + targetRows.size();
		result.largestLeaf = Math.max(result.largestLeaf, sourceRows.size() + targetRows.size());
		TreeMap<Object[], List<Object[]>> sources = byKey(plan, sourceRows, result);
		TreeMap<Object[], List<Object[]>> targets = byKey(plan, targetRows, result);
		TreeMap<Object[], Boolean> keys = new TreeMap<>(plan.order());
		sources.keySet().forEach((k) -> keys.put(k, true));
		targets.keySet().forEach((k) -> keys.put(k, true));
		for (Object[] key : keys.keySet()) {
			List<Object[]> sourceCopies = sources.getOrDefault(key, List.of());
			Comparison comparison = comparator.compare(sourceCopies.isEmpty() ? null : sourceCopies.get(0),
					targets.getOrDefault(key, List.of()), cutoff);
			result.keys++;
			switch (comparison.outcome()) {
				case EQUAL -> result.equalKeys++;
				case IN_FLIGHT -> result.candidates.add(new MergeVerdict(plan.pair().name(), plan.keyText(key), "IN_FLIGHT"));
				case DIFFERENT -> result.candidates.add(new MergeVerdict(plan.pair().name(), plan.keyText(key), "DIFFERENT"));
			}
		}
	}

	private TreeMap<Object[], List<Object[]>> byKey(ComparePlan plan, List<Object[]> rows, Result result) {
		TreeMap<Object[], List<Object[]>> byKey = new TreeMap<>(plan.order());
		for (Object[] row : rows) {
			byKey.computeIfAbsent(plan.key(row), (k) -> new ArrayList<>()).add(row);
			result.bytesFetched += RowHash.text(checksummer.plan().rules(), row).getBytes(StandardCharsets.UTF_8).length;
		}
		return byKey;
	}

	/**
	 * What judging one range found.
	 * <ul>
	 * <li>{@code keys}, {@code equalKeys}: keys judged and keys found equal (by checksum or row by row)</li>
	 * <li>{@code candidates}: keys that differ or are in flight, for the confirmation pass</li>
	 * <li>{@code rowsFetched}, {@code bytesFetched}: rows read from both databases to judge leaves, and
	 * their canonical size in UTF-8 bytes</li>
	 * <li>{@code leaves}, {@code largestLeaf}: ranges judged row by row, and the most rows one of them held</li>
	 * <li>{@code checksumQueries}: checksum queries the bisection ran (both sides)</li>
	 * </ul>
	 */
	public static final class Result {

		long keys;

		long equalKeys;

		final List<MergeVerdict> candidates = new ArrayList<>();

		long rowsFetched;

		long bytesFetched;

		int leaves;

		long largestLeaf;

		long checksumQueries;

		public long keys() {
			return keys;
		}

		public long equalKeys() {
			return equalKeys;
		}

		public List<MergeVerdict> candidates() {
			return candidates;
		}

		public long rowsFetched() {
			return rowsFetched;
		}

		public long bytesFetched() {
			return bytesFetched;
		}

		public int leaves() {
			return leaves;
		}

		public long largestLeaf() {
			return largestLeaf;
		}

		public long checksumQueries() {
			return checksumQueries;
		}

	}

}
