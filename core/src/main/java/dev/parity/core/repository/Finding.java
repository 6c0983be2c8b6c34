package dev.parity.core.repository;

import java.util.Map;

/**
 * What a check observed in one run, before it is stored as a {@link Discrepancy}.
 *
 * @param table the table pair's name
 * @param key key column to canonical text, in key order; null for table-level types
 * @param type the kind of discrepancy
 * @param column the target column for {@code FIELD_MISMATCH} and {@code SCHEMA_CONFLICT}, else null
 * @param sourceValue canonical source value (or a description for table-level types), may be null
 * @param targetValue canonical target value, may be null
 * @param critical whether the table is critical
 * @param detail what changed, for {@code SCHEMA_CONFLICT}; null otherwise
 */
public record Finding(String table, Map<String, String> key, DiscrepancyType type, String column, String sourceValue,
		String targetValue, boolean critical, String detail) {

	public Finding(String table, Map<String, String> key, DiscrepancyType type, String column, String sourceValue,
			String targetValue, boolean critical) {
		this(table, key, type, column, sourceValue, targetValue, critical, null);
	}

	/** A finding about the whole table, such as {@code COUNT_MISMATCH}. */
	public static Finding ofTable(String table, DiscrepancyType type, String sourceValue, String targetValue,
			boolean critical) {
		return new Finding(table, null, type, null, sourceValue, targetValue, critical);
	}

}
