package dev.parity.writers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import dev.parity.core.compare.Comparison;
import dev.parity.core.compare.ConfirmedCandidate;
import dev.parity.core.repository.DiffRepository;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.Finding;

/**
 * Records the confirmation pass in the chunk's transaction: each candidate's outcome, a discrepancy
 * for every finding that still holds, and, for keys still in flight, keeps their open discrepancies
 * from being resolved by a run that could not judge them.
 */
public class ConfirmedFindingItemWriter implements ItemWriter<List<ConfirmedCandidate>> {

	private final long runId;

	private final DiffRepository diffs;

	private final DiscrepancyRepository discrepancies;

	private final Clock clock;

	public ConfirmedFindingItemWriter(long runId, DiffRepository diffs, DiscrepancyRepository discrepancies,
			Clock clock) {
		this.runId = runId;
		this.diffs = diffs;
		this.discrepancies = discrepancies;
		this.clock = clock;
	}

	@Override
	public void write(Chunk<? extends List<ConfirmedCandidate>> chunk) {
		Instant now = clock.instant();
		// the whole chunk in a few batched statements: outcomes, then every finding that still holds
		List<DiffRepository.Outcome> outcomes = new java.util.ArrayList<>();
		List<Finding> findings = new java.util.ArrayList<>();
		for (List<ConfirmedCandidate> batch : chunk) {
			for (ConfirmedCandidate confirmed : batch) {
				Comparison comparison = confirmed.comparison();
				outcomes.add(new DiffRepository.Outcome(confirmed.candidate().id(), comparison.outcome().name(),
						comparison.fieldsCompared(), comparison.fieldsMismatched()));
				if (comparison.outcome() == Comparison.Outcome.IN_FLIGHT) {
					diffs.touchOpen(runId, confirmed.candidate().table(), confirmed.candidate().key());
				}
				findings.addAll(comparison.findings());
			}
		}
		diffs.markOutcomes(outcomes);
		discrepancies.recordAll(runId, findings, now);
	}

}
