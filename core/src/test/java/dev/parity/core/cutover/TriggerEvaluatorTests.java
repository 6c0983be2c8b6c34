package dev.parity.core.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parity.core.cutover.TriggerEvaluator.Firing;

/** The window rule of the rollback triggers, on plain series (no database). */
class TriggerEvaluatorTests {

	static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

	static final Trigger ERRORS = new Trigger(Signal.ERROR_RATE, 0.015, Duration.ofSeconds(60), "> 1.5000 %");

	private static List<Sample> series(double... values) {
		List<Sample> samples = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			samples.add(new Sample(Signal.ERROR_RATE, T0.plusSeconds(10L * i), values[i]));
		}
		return samples;
	}

	// The seventh sample above the bar (10:01:00) completes the 60 s window; the sixth (10:00:50) does not.
	@Test
	void firesExactlyWhenTheBreachHasLastedTheWindow() {
		assertThat(TriggerEvaluator.replay(ERRORS, series(0.02, 0.02, 0.02, 0.02, 0.02, 0.02))).isEmpty();
		List<Firing> firings = TriggerEvaluator.replay(ERRORS, series(0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.03));
		assertThat(firings).singleElement().satisfies((f) -> {
			assertThat(f.at()).isEqualTo(T0.plusSeconds(60));
			assertThat(f.breachStart()).isEqualTo(T0);
			assertThat(f.breach()).hasSize(7);
			assertThat(f.measured()).isEqualTo("2.0000 % at 2026-11-23T10:01:00Z; 7 samples from 2.0000 % to 2.0000 %"
					+ " above the bar since 2026-11-23T10:00:00Z (1m)");
		});
	}

	// A sample at the bar is not above it: the breach restarts after it, so a spike never fires.
	@Test
	void aSampleAtOrBelowTheBarEndsTheBreach() {
		assertThat(TriggerEvaluator.replay(ERRORS, series(0.02, 0.02, 0.02, 0.015, 0.02, 0.02, 0.02, 0.02, 0.02))).isEmpty();
		assertThat(TriggerEvaluator.replay(ERRORS, series(0.5, 0.001, 0.5, 0.001, 0.5, 0.001, 0.5, 0.001))).isEmpty();
		List<Firing> firings = TriggerEvaluator.replay(ERRORS,
				series(0.02, 0.02, 0.02, 0.015, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02));
		assertThat(firings).extracting(Firing::at).containsExactly(T0.plusSeconds(100));
	}

	// One breach fires once however long it lasts; a new breach after a recovery fires again.
	@Test
	void oneFiringPerBreachAndWindowZeroFiresAtTheFirstSampleAbove() {
		List<Sample> samples = series(0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.01, 0.02, 0.02, 0.02, 0.02,
				0.02, 0.02, 0.02);
		assertThat(TriggerEvaluator.replay(ERRORS, samples)).extracting(Firing::at)
			.containsExactly(T0.plusSeconds(60), T0.plusSeconds(160));
		Trigger instant = new Trigger(Signal.ERROR_RATE, 0.015, Duration.ZERO, "> 1.5000 %");
		assertThat(TriggerEvaluator.replay(instant, series(0.01, 0.016, 0.02))).extracting(Firing::at)
			.containsExactly(T0.plusSeconds(10));
	}

	// Samples arrive in any order and other signals are ignored.
	@Test
	void ordersByTimeAndJudgesOnlyItsSignal() {
		List<Sample> samples = new ArrayList<>(series(0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02));
		java.util.Collections.reverse(samples);
		samples.add(new Sample(Signal.RESPONSE_TIME, T0.plusSeconds(5), 0.001));
		assertThat(TriggerEvaluator.replay(List.of(ERRORS), samples)).extracting(Firing::at)
			.containsExactly(T0.plusSeconds(60));
	}

}
