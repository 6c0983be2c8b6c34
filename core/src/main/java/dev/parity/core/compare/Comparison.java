package dev.parity.core.compare;

import java.util.List;

import dev.parity.core.repository.Finding;

/**
 * The verdict on one key.
 *
 * @param outcome equal, in flight (updated within the lag window: not judged), or different
 * @param findings the discrepancies, when different
 * @param fieldsCompared compared fields of this key (0 when in flight)
 * @param fieldsMismatched fields that differ, counting every field of a missing or extra row
 */
public record Comparison(Outcome outcome, List<Finding> findings, int fieldsCompared, int fieldsMismatched) {

	public enum Outcome {

		EQUAL, IN_FLIGHT, DIFFERENT

	}

	static Comparison inFlight() {
		return new Comparison(Outcome.IN_FLIGHT, List.of(), 0, 0);
	}

}
