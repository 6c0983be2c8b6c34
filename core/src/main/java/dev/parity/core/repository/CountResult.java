package dev.parity.core.repository;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One table pair's record counts in one run.
 *
 * @param table the pair's name
 * @param critical whether the pair is critical
 * @param sourceCount settled source rows (all rows when the table has no {@code updated-column})
 * @param targetCount settled target rows
 * @param sourceInFlight source rows updated within the lag window (0 without an updated-column)
 * @param targetInFlight target rows updated within the lag window
 * @param variance |source - target| / source over settled rows (0 when both are 0, 1 when only the
 *     source is 0)
 * @param threshold the variance allowed
 * @param sourceNewest newest source {@code updated-column} value, null if none
 * @param targetNewest newest target {@code updated-column} value, null if none
 * @param duration how long the counting took
 */
public record CountResult(String table, boolean critical, long sourceCount, long targetCount, long sourceInFlight, long targetInFlight,
		double variance, double threshold, LocalDateTime sourceNewest, LocalDateTime targetNewest, Duration duration) {

	public boolean passed() {
		return variance <= threshold;
	}

	/** How far the target trails the source; zero when it does not or when either side is unknown. */
	public Duration lag() {
		if (sourceNewest == null || targetNewest == null || !targetNewest.isBefore(sourceNewest)) {
			return Duration.ZERO;
		}
		return Duration.between(targetNewest, sourceNewest);
	}

	/** |s - t| / s, with 0 for 0/0 and 1 for a table empty only on the source. */
	public static double variance(long source, long target) {
		if (source == target) {
			return 0.0;
		}
		if (source == 0) {
			return 1.0;
		}
		return Math.abs((double) source - target) / source;
	}

}
