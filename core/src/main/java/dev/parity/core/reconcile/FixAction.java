package dev.parity.core.reconcile;

/**
 * What a fix does to the target for one key. {@code DEDUPLICATE} deletes every copy of a duplicated
 * key and inserts back the one kept (standard SQL cannot delete "all but one" of identical rows);
 * {@code NONE} is a decision that changes nothing (self-healed, in flight, report-only, paused).
 */
public enum FixAction {

	INSERT, UPDATE, DELETE, DEDUPLICATE, NONE

}
