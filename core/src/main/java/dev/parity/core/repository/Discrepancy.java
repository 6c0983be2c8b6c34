package dev.parity.core.repository;

import java.time.Instant;
import java.util.Map;

/**
 * A stored discrepancy: the fields of the discrepancy JSON contract, plus {@code detail} (what
 * changed, for {@code SCHEMA_CONFLICT}).
 */
public record Discrepancy(long id, String table, Map<String, String> key, DiscrepancyType type, String column,
		String source, String target, DiscrepancyStatus status, boolean critical, Instant firstSeen,
		Instant lastSeen, String detail) {

}
