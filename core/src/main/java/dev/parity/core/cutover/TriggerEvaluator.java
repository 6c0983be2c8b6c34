package dev.parity.core.cutover;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Judges rollback triggers over a series of samples. A trigger fires when its signal has stayed
 * strictly above the threshold for its whole window: the breach starts at the first sample above
 * (after one at or below, or at the first sample), and the trigger fires at the first sample of the
 * breach taken {@code window} or later after that start. A sample at or below the bar ends the breach,
 * so a spike shorter than the window never fires. One breach fires at most once.
 *
 * <p>Example: threshold 1.5 %, window 60s, samples every 10 s of 2 % from 10:00:00: fires at 10:01:00
 * (the seventh sample), not at 10:00:50. The same series with 1 % at 10:00:30 fires at 10:01:30.
 */
public final class TriggerEvaluator {

	/**
	 * A trigger that fired.
	 *
	 * @param trigger what fired
	 * @param at the time of the sample that completed the window
	 * @param breach the samples of the breach, oldest first; the last one is at {@code at}
	 */
	public record Firing(Trigger trigger, Instant at, List<Sample> breach) {

		public Instant breachStart() {
			return breach.get(0).at();
		}

		public double last() {
			return breach.get(breach.size() - 1).value();
		}

		/** The measured values as a person reads them. */
		public String measured() {
			Signal signal = trigger.signal();
			double min = breach.stream().mapToDouble(Sample::value).min().orElseThrow();
			double max = breach.stream().mapToDouble(Sample::value).max().orElseThrow();
			return String.format(Locale.ROOT, "%s at %s; %d samples from %s to %s above the bar since %s (%s)",
					signal.format(last()), at, breach.size(), signal.format(min), signal.format(max), breachStart(),
					Durations.text(Duration.between(breachStart(), at)));
		}

	}

	private TriggerEvaluator() {
	}

	/** Every firing of every trigger over {@code samples} (any order), in time order. */
	public static List<Firing> replay(List<Trigger> triggers, List<Sample> samples) {
		List<Firing> firings = new ArrayList<>();
		for (Trigger trigger : triggers) {
			firings.addAll(replay(trigger, samples));
		}
		firings.sort(Comparator.comparing(Firing::at));
		return firings;
	}

	/** Every firing of one trigger, one per breach, in time order. */
	public static List<Firing> replay(Trigger trigger, List<Sample> samples) {
		List<Sample> series = samples.stream()
			.filter((s) -> s.signal() == trigger.signal())
			.sorted(Comparator.comparing(Sample::at))
			.toList();
		List<Firing> firings = new ArrayList<>();
		List<Sample> breach = new ArrayList<>();
		boolean fired = false;
		for (Sample sample : series) {
			if (sample.value() <= trigger.threshold()) {
				breach.clear();
				fired = false;
				continue;
			}
			breach.add(sample);
			if (!fired && Duration.between(breach.get(0).at(), sample.at()).compareTo(trigger.window()) >= 0) {
				firings.add(new Firing(trigger, sample.at(), List.copyOf(breach)));
				fired = true;
			}
		}
		return firings;
	}

}
