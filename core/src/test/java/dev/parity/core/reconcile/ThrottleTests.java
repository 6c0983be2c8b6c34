package dev.parity.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on a fake clock. */
class ThrottleTests {

	private long now = 1_000_000_000L;

	private final List<Long> sleeps = new ArrayList<>();

	private Throttle throttle(double rowsPerSecond) {
		return new Throttle(rowsPerSecond, () -> now, (nanos) -> {
			sleeps.add(nanos);
			now += nanos;
		});
	}

	@Test
	void batchesAtOnceWaitUntilTheRateAllowsThem() {
		Throttle throttle = throttle(100);
		throttle.acquire(50); // rows 0..49 may start at once
		throttle.acquire(50); // 50 rows done: not before 0.5 s
		throttle.acquire(50); // 100 rows done: not before 1 s
		assertThat(sleeps).containsExactly(500_000_000L, 500_000_000L);
	}

	@Test
	void noWaitWhenTheWorkIsSlowerThanTheLimitOrUnlimited() {
		Throttle throttle = throttle(100);
		throttle.acquire(50);
		now += 2_000_000_000L;
		throttle.acquire(50);
		Throttle unlimited = throttle(0);
		unlimited.acquire(1_000_000);
		unlimited.acquire(1_000_000);
		assertThat(sleeps).isEmpty();
	}

}
