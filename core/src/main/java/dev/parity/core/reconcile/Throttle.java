package dev.parity.core.reconcile;

import java.util.function.LongSupplier;

/**
 * Keeps the rows changed per second at or below a limit, measured from the first call: before a batch
 * it waits until {@code rowsSoFar / limit} seconds have passed since the first batch. A limit of 0
 * never waits. Example: limit 100, batches of 50 at once: the third batch waits until 1 s has passed.
 */
public final class Throttle {

	/** Sleeps the given nanoseconds. */
	@FunctionalInterface
	public interface Sleeper {

		void sleep(long nanos) throws InterruptedException;

	}

	private final double rowsPerSecond;

	private final LongSupplier nanoTime;

	private final Sleeper sleeper;

	private long start = -1;

	private long rows;

	public Throttle(double rowsPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
		this.rowsPerSecond = rowsPerSecond;
		this.nanoTime = nanoTime;
		this.sleeper = sleeper;
	}

	public static Throttle of(double rowsPerSecond) {
		return new Throttle(rowsPerSecond, System::nanoTime, (n) -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)));
	}

	/** Waits, if needed, before {@code count} more rows are changed. */
	public synchronized void acquire(int count) {
		if (rowsPerSecond <= 0 || count <= 0) {
			return;
		}
		long now = nanoTime.getAsLong();
		if (start < 0) {
			start = now;
		}
		long earliest = start + (long) (rows * 1e9 / rowsPerSecond);
		rows += count;
		if (earliest > now) {
			try {
				sleeper.sleep(earliest - now);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
