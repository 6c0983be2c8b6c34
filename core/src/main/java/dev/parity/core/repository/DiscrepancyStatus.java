package dev.parity.core.repository;

/**
 * The lifecycle of a discrepancy. A job that sees it creates it {@code OPEN}; a later run of the same
 * check that no longer sees it marks it {@code RESOLVED}; reconciliation marks it {@code RESOLVED},
 * {@code SELF_HEALED} (both sides agreed on re-read) or {@code FAILED}; a person may mark it
 * {@code ACCEPTED} (waived, with a reason). Seen again after {@code RESOLVED}, {@code SELF_HEALED} or
 * {@code FAILED}, it reopens; {@code ACCEPTED} stays accepted.
 */
public enum DiscrepancyStatus {

	OPEN, RESOLVED, SELF_HEALED, ACCEPTED, FAILED

}
