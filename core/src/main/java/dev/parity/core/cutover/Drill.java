package dev.parity.core.cutover;

import java.util.Comparator;
import java.util.List;

import dev.parity.core.cutover.TriggerEvaluator.Firing;

/**
 * Replays a recorded series through the configured triggers, changing nothing: when each trigger
 * would fire (every breach of its window), and which firing would pull the kill switch first.
 *
 * @param samples the series, in time order
 * @param triggers the triggers judged
 * @param firings every firing, in time order
 */
public record Drill(List<Sample> samples, List<Trigger> triggers, List<Firing> firings) {

	public static Drill of(List<Trigger> triggers, List<Sample> samples) {
		List<Sample> sorted = samples.stream().sorted(Comparator.comparing(Sample::at)).toList();
		return new Drill(sorted, triggers, TriggerEvaluator.replay(triggers, sorted));
	}

	public List<Firing> firingsOf(Trigger trigger) {
		return firings.stream().filter((f) -> f.trigger().equals(trigger)).toList();
	}

	/** The largest sample of a trigger's signal, if the series has any. */
	public java.util.OptionalDouble max(Trigger trigger) {
		return samples.stream().filter((s) -> s.signal() == trigger.signal()).mapToDouble(Sample::value).max();
	}

}
