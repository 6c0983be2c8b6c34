package dev.parity.core.repository;

import java.util.List;
import java.util.Map;

/**
 * One decision of a reconcile run on one key, as journalled ({@link FixJournal}).
 *
 * @param table the table pair's name
 * @param key key column to canonical text
 * @param discrepancyIds the discrepancies it settles (at least one)
 * @param action INSERT, UPDATE, DELETE, DEDUPLICATE or NONE
 * @param rule the rule applied, or null
 * @param status INTENT for a change (it goes into the chunk's intent document); the final status of
 * the others
 * @param before the target's copies before (JSON), or null
 * @param after the copies expected after (JSON), or null
 * @param sql the SQL of the change, or null
 * @param reason why, in a few words
 */
public record FixEntry(String table, Map<String, String> key, List<Long> discrepancyIds, String action, String rule,
		FixStatus status, String before, String after, String sql, String reason) {

}
