package dev.parity.core.repository;

import java.time.Instant;
import java.util.List;

/**
 * One page of discrepancies in the order of a {@link Sort}.
 *
 * @param items the discrepancies of the page, at most the page size
 * @param next the cursor of the following page (pass it as {@code after}), or null on the last page
 * @param total how many discrepancies match the filter in all
 */
public record DiscrepancyPage(List<Discrepancy> items, String next, int total) {

	/** Orders a page can be read in; each ends with the id, so the order is total and a cursor is exact. */
	public enum Sort {

		/** Highest id first: the most recently found first. */
		NEWEST,
		/** Lowest id first. */
		OLDEST,
		/** Most recently seen first. */
		LAST_SEEN,
		/** By table pair name, then id. */
		TABLE;

		/** The cursor after {@code d} in this order. */
		String cursor(Discrepancy d) {
			return switch (this) {
				case NEWEST, OLDEST -> String.valueOf(d.id());
				case LAST_SEEN -> d.id() + "@" + d.lastSeen();
				case TABLE -> d.id() + "@" + d.table();
			};
		}

		/** The id part of a cursor. */
		static long id(String cursor) {
			int at = cursor.indexOf('@');
			return Long.parseLong(at < 0 ? cursor : cursor.substring(0, at));
		}

		/** The sort value part of a cursor (after the id). */
		static String value(String cursor) {
			int at = cursor.indexOf('@');
			if (at < 0) {
				throw new IllegalArgumentException("not a cursor of this order: " + cursor);
			}
			return cursor.substring(at + 1);
		}

		static Instant instant(String cursor) {
			return Instant.parse(value(cursor));
		}

	}

}
