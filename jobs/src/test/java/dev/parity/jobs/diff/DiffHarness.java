package dev.parity.jobs.diff;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.parity.core.compare.ComparePlan;
import dev.parity.core.compare.ConfirmedCandidate;
import dev.parity.core.compare.KeyRange;
import dev.parity.core.compare.MergeVerdict;
import dev.parity.core.compare.RowPair;
import dev.parity.core.config.TableMapping;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;
import dev.parity.core.repository.DiffCandidate;
import dev.parity.core.repository.Finding;
import dev.parity.processors.CandidateConfirmationItemProcessor;
import dev.parity.processors.RowComparisonItemProcessor;
import dev.parity.readers.PairedRowItemReader;

/**
 * Runs the diff's own reader, processors and comparator on one table pair without Spring Batch: the
 * merge pass over the whole key range, then the confirmation pass by key, as {@code diffJob} does.
 */
final class DiffHarness {

	record Result(List<MergeVerdict> candidates, List<Finding> findings) {
	}

	private DiffHarness() {
	}

	static Result diff(SourceDatabase source, TargetDatabase target, TableMapping mapping) {
		List<dev.parity.core.config.ConfigProblem> problems = new ArrayList<>();
		var pairs = new dev.parity.core.mapping.MappingValidator(source, target).resolve(List.of(mapping), List.of(mapping),
				problems);
		if (!problems.isEmpty()) {
			throw new dev.parity.core.config.ConfigException(problems);
		}
		ComparePlan plan = ComparePlan.of(pairs.get(0));
		List<MergeVerdict> candidates = new ArrayList<>();
		PairedRowItemReader reader = new PairedRowItemReader(plan, source, target, KeyRange.ALL, 3, "harness");
		reader.open(new ExecutionContext());
		try {
			RowComparisonItemProcessor processor = new RowComparisonItemProcessor(plan, null);
			RowPair pair;
			while ((pair = reader.read()) != null) {
				MergeVerdict verdict = processor.process(pair);
				if (!verdict.equal()) {
					candidates.add(verdict);
				}
			}
		}
		finally {
			reader.close();
		}
		List<DiffCandidate> recheck = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			recheck.add(new DiffCandidate(i + 1, mapping.name(), candidates.get(i).key(), candidates.get(i).candidate()));
		}
		List<Finding> findings = new ArrayList<>();
		if (!recheck.isEmpty()) {
			for (ConfirmedCandidate confirmed : new CandidateConfirmationItemProcessor(Map.of(mapping.name(), plan),
					source, target, (table) -> Duration.ofMinutes(5)).process(recheck)) {
				findings.addAll(confirmed.comparison().findings());
			}
		}
		return new Result(candidates, findings);
	}

}
