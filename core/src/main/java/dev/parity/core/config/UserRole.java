package dev.parity.core.config;

/**
 * What a console, API or CLI user may do ({@code parity.users[].roles}). Roles do not imply each
 * other: an operator who may also sign off holds both {@code OPERATOR} and {@code APPROVER}; every
 * configured user may read.
 */
public enum UserRole {

	/** Reads every page and API resource; changes nothing. */
	VIEWER,
	/** Launches, stops and restarts jobs, reconciles, accepts discrepancies, pauses and resumes schedules. */
	OPERATOR,
	/** Signs off: advancing the cutover to FULL needs an approver. */
	APPROVER

}
