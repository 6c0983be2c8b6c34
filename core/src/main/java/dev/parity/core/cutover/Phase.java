package dev.parity.core.cutover;

import java.util.Locale;

import dev.parity.core.config.CutoverPhases;
import dev.parity.core.config.PhaseSettings;

/**
 * The traffic phases of a cutover, in order. SHADOW sends no user traffic to the target; each later
 * phase sends the share configured under {@code parity.cutover.phases}.
 */
public enum Phase {

	SHADOW, CANARY, HALF, FULL, DECOMMISSIONED;

	/** The phase after this one; empty for DECOMMISSIONED. */
	public java.util.Optional<Phase> next() {
		return ordinal() + 1 < values().length ? java.util.Optional.of(values()[ordinal() + 1])
				: java.util.Optional.empty();
	}

	/** Whether the target serves user traffic that the kill switch can take back (CANARY, HALF, FULL). */
	public boolean armed() {
		return this == CANARY || this == HALF || this == FULL;
	}

	/** Advancing into FULL or DECOMMISSIONED needs every exit criterion and an approver. */
	public boolean needsApprover() {
		return this == FULL || this == DECOMMISSIONED;
	}

	/** This phase's settings; null for SHADOW. */
	public PhaseSettings settings(CutoverPhases phases) {
		return switch (this) {
			case SHADOW -> null;
			case CANARY -> phases.canary();
			case HALF -> phases.half();
			case FULL -> phases.full();
			case DECOMMISSIONED -> phases.decommissioned();
		};
	}

	/** The share of user traffic the target serves in this phase: 0 for SHADOW. */
	public double share(CutoverPhases phases) {
		return this == SHADOW ? 0.0 : settings(phases).share();
	}

	/** {@code canary}, {@code CANARY} and {@code Canary} all name CANARY. */
	public static Phase parse(String text) {
		return valueOf(text.trim().toUpperCase(Locale.ROOT));
	}

}
