package dev.parity.core.repository;

/**
 * The journal status of a reconcile decision ({@code parity_fix.status}). A change goes
 * {@code INTENT} → {@code CONFIRMED} (applied and audited) or {@code FAILED} (the target refused it),
 * or, after a crash, {@code ABANDONED} (never reached the target). The others are final at once.
 */
public enum FixStatus {

	INTENT, CONFIRMED, FAILED, ABANDONED, SELF_HEALED, IN_FLIGHT, REPORT_ONLY, PAUSED, DRY_RUN

}
