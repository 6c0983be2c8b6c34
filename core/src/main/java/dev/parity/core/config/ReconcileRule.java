package dev.parity.core.config;

import java.util.Locale;

/**
 * What reconciliation does with one type of discrepancy on one table ({@code rules:} of a table pair,
 * written in kebab case: {@code insert}, {@code update}, {@code delete}, {@code report-only},
 * {@code pause}). Which rule fits which type is checked when {@code parity.yml} is read.
 */
public enum ReconcileRule {

	/** Re-extract the row from the source through the mapping and insert it (MISSING_IN_TARGET). */
	INSERT,
	/** Update the differing fields from the source's current values (FIELD_MISMATCH). */
	UPDATE,
	/** Delete the extra row, or all but one copy of a duplicated key (EXTRA_IN_TARGET, DUPLICATE_IN_TARGET). */
	DELETE,
	/** Change nothing; the discrepancy stays open for a person to review. */
	REPORT_ONLY,
	/** Change nothing and pause the table until an operator resumes it. */
	PAUSE;

	/** The rule as written in {@code parity.yml}. */
	public String text() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
