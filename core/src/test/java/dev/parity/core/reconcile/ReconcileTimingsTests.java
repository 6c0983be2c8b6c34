package dev.parity.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReconcileTimingsTests {

	@Test
	void sumsEachPhaseOnItsOwnAndDescribesThemInOrder() throws Exception {
		ReconcileTimings timings = new ReconcileTimings();
		long started = System.nanoTime();
		Thread.sleep(30);
		timings.add(ReconcileTimings.Phase.APPLY, started);
		timings.add(ReconcileTimings.Phase.APPLY, System.nanoTime());

		assertThat(timings.seconds(ReconcileTimings.Phase.APPLY)).isBetween(0.03, 5.0);
		assertThat(timings.seconds(ReconcileTimings.Phase.READ)).isZero();
		assertThat(timings.describe()).startsWith("read open discrepancies 0.00 s, re-read source 0.00 s,")
			.contains(", write target 0.0").endsWith("confirm and audit (own thread, overlapping) 0.00 s");
	}

}
