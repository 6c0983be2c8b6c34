package dev.parity.core.repository;

/**
 * The journal status of a reconcile decision ({@code parity_fix.status}). A change is an
 * {@code INTENT} in its chunk's intent document ({@code parity_fix_intent}) until the target
 * transaction, then journalled {@code CONFIRMED} (applied and audited) or {@code FAILED} (the target
 * refused it), or, settled after a crash, {@code CONFIRMED} or {@code ABANDONED} (never reached the
 * target). {@code INTENT} rows in {@code parity_fix} itself come only from versions before the intent
 * documents. The other statuses are final at once.
 */
public enum FixStatus {

	INTENT, CONFIRMED, FAILED, ABANDONED, SELF_HEALED, IN_FLIGHT, REPORT_ONLY, PAUSED, DRY_RUN

}
