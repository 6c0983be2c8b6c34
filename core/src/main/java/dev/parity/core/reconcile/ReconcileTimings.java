package dev.parity.core.reconcile;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Where a reconcile step spends its time, by phase, summed over its chunks: printed under the run's
 * summary so that a slow repair names its slow side (the control database, the source, the target).
 * A step-scoped bean: threads outside the step's scope (the confirmations') hand their times to the
 * step's thread.
 */
public class ReconcileTimings {

	/** The phases of a chunk, in order. */
	public enum Phase {

		READ("read open discrepancies"), SOURCE("re-read source"), TARGET("re-read target"), DECIDE("decide"),
		INTENT("record intents"), APPLY("write target"), WAIT("wait for confirmation"),
		CONFIRM("confirm and audit (own thread, overlapping)");

		private final String label;

		Phase(String label) {
			this.label = label;
		}

	}

	private final LongAdder[] nanos = Arrays.stream(Phase.values()).map((p) -> new LongAdder()).toArray(LongAdder[]::new);

	/** Adds the time since {@code startedNanos} ({@link System#nanoTime()}) to {@code phase}. */
	public void add(Phase phase, long startedNanos) {
		addNanos(phase, System.nanoTime() - startedNanos);
	}

	/** Adds {@code nanos} to {@code phase}. */
	public void addNanos(Phase phase, long nanos) {
		this.nanos[phase.ordinal()].add(nanos);
	}

	/** Seconds spent in {@code phase} so far. */
	public double seconds(Phase phase) {
		return nanos[phase.ordinal()].sum() / 1e9;
	}

	/** One line: each phase with its seconds, e.g. {@code read open discrepancies 0.71 s, ...}. */
	public String describe() {
		return Arrays.stream(Phase.values())
			.map((p) -> String.format(Locale.ROOT, "%s %.2f s", p.label, seconds(p)))
			.collect(Collectors.joining(", "));
	}

}
