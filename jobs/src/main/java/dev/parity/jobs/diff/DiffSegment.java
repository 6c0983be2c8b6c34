package dev.parity.jobs.diff;

import java.time.LocalDateTime;
import java.util.Map;

import dev.parity.core.compare.KeyRange;

/**
 * One table's key range compared by a diff partition: a partition of a large table has one, a grouped
 * partition one per small table ({@link KeyRangePartitioner#GROUP}).
 *
 * @param table the table pair's name
 * @param partition the name its progress and candidates are recorded under ({@code table:00000})
 * @param cutoff the run's lag cutoff for the table (ISO local date-time), or null
 * @param lower the range's lower bound (exclusive), or null for open below
 * @param upper the range's upper bound (inclusive), or null for open above
 */
record DiffSegment(String table, String partition, String cutoff, Map<String, String> lower,
		Map<String, String> upper) {

	KeyRange range() {
		return new KeyRange(lower, upper);
	}

	LocalDateTime cutoffTime() {
		return cutoff == null ? null : LocalDateTime.parse(cutoff);
	}

}
