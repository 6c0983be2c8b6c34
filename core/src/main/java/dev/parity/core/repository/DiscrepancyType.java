package dev.parity.core.repository;

/** The kinds of discrepancy, as in the discrepancy JSON contract. */
public enum DiscrepancyType {

	MISSING_IN_TARGET, EXTRA_IN_TARGET, FIELD_MISMATCH, DUPLICATE_IN_TARGET, SCHEMA_CONFLICT, COUNT_MISMATCH

}
