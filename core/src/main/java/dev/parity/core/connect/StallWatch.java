package dev.parity.core.connect;

import java.sql.Connection;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The stalled-stream detector: a row stream waiting for its database longer than the connection's
 * {@code stall-timeout} has its connection aborted, which ends the blocked read at once (a network that
 * stops answering without closing would otherwise block it for ever). Only waits between rows count,
 * not the time the consumer takes, nor the query's start (a sort may rightly take long before the first row).
 */
final class StallWatch {

	private static final Set<Wait> WAITING = ConcurrentHashMap.newKeySet();

	private static final ScheduledExecutorService WATCHER = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().daemon(true).name("parity-stall-watch").factory());

	static {
		WATCHER.scheduleWithFixedDelay(StallWatch::sweep, 200, 200, TimeUnit.MILLISECONDS);
	}

	private StallWatch() {
	}

	/** One stream's current wait for its database. */
	static final class Wait {

		private final Connection connection;

		private final long limitNanos;

		private volatile long since;

		private volatile boolean stalled;

		Wait(Connection connection, Duration limit) {
			this.connection = connection;
			this.limitNanos = limit.toNanos();
		}

		/** Starts timing a read (no-op when the stall timeout is off). */
		void begin() {
			if (limitNanos > 0) {
				since = System.nanoTime();
				WAITING.add(this);
			}
		}

		void end() {
			WAITING.remove(this);
		}

		/** Whether this stream's connection was aborted because its database stopped answering. */
		boolean stalled() {
			return stalled;
		}

		private void check(long now) {
			if (!stalled && now - since > limitNanos) {
				stalled = true;
				WAITING.remove(this);
				try {
					// closes the socket under the blocked read, which then fails at once
					connection.abort(Thread.ofVirtual()::start);
				}
				catch (java.sql.SQLException | RuntimeException ex) {
					// the read fails or times out on its own; the stall is reported either way
				}
			}
		}

	}

	private static void sweep() {
		long now = System.nanoTime();
		for (Wait wait : WAITING) {
			wait.check(now);
		}
	}

	static String seconds(Duration duration) {
		long millis = duration.toMillis();
		return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
	}

}
