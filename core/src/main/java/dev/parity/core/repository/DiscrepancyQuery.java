package dev.parity.core.repository;

import java.time.Instant;

/**
 * A filter over stored discrepancies, as the console and the API offer it; every field is optional
 * (null: no restriction).
 *
 * <p>Example: open critical field mismatches of {@code customers} last seen in November 2026:
 * {@code new DiscrepancyQuery("customers", FIELD_MISMATCH, OPEN, true, 2026-11-01T00:00Z, 2026-12-01T00:00Z)}.
 *
 * @param table the table pair's name, exactly
 * @param type the discrepancy type
 * @param status the status
 * @param critical true: only critical ones; false: only non-critical ones
 * @param lastSeenFrom last seen at or after this instant
 * @param lastSeenBefore last seen before this instant
 */
public record DiscrepancyQuery(String table, DiscrepancyType type, DiscrepancyStatus status, Boolean critical,
		Instant lastSeenFrom, Instant lastSeenBefore) {

	/** No restriction: every discrepancy. */
	public static final DiscrepancyQuery ALL = new DiscrepancyQuery(null, null, null, null, null, null);

}
