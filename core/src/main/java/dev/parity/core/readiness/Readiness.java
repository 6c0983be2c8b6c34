package dev.parity.core.readiness;

import java.time.Instant;
import java.util.List;

/** Every exit criterion, and the verdict: ready only when all pass. */
public record Readiness(List<Criterion> criteria, Instant evaluatedAt) {

	public boolean ready() {
		return !criteria.isEmpty() && criteria.stream().allMatch(Criterion::passed);
	}

	public String verdict() {
		return ready() ? "READY" : "NOT READY";
	}

}
