package dev.parity.processors;

import java.time.LocalDateTime;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import dev.parity.core.compare.ComparePlan;
import dev.parity.core.compare.MergeVerdict;
import dev.parity.core.compare.RowComparator;
import dev.parity.core.compare.RowPair;

/**
 * The merge pass's judgement of one key: equal, or a candidate for the confirmation pass (different,
 * in flight, or out of order). Nothing is recorded as a discrepancy until the confirmation pass has
 * re-read the key on both sides.
 */
public class RowComparisonItemProcessor implements ItemProcessor<RowPair, MergeVerdict> {

	private final ComparePlan plan;

	private final RowComparator comparator;

	private final LocalDateTime cutoff;

	private final MergeVerdict equal;

	public RowComparisonItemProcessor(ComparePlan plan, LocalDateTime cutoff) {
		this.plan = plan;
		this.comparator = new RowComparator(plan);
		this.cutoff = cutoff;
		this.equal = new MergeVerdict(plan.pair().name(), null, null);
	}

	@Override
	public MergeVerdict process(RowPair pair) {
		String candidate = pair.outOfOrder() ? "ORDER"
				// the outcome alone: no key text or findings for the rows that are equal after canonicalisation
				: switch (comparator.outcome(pair.source(), pair.targets(), cutoff)) {
					case EQUAL -> null;
					case IN_FLIGHT -> "IN_FLIGHT";
					case DIFFERENT -> "DIFFERENT";
				};
		if (candidate == null) {
			return equal;
		}
		Object[] keyRow = pair.source() != null ? pair.source() : pair.targets().get(0);
		return new MergeVerdict(plan.pair().name(), plan.keyText(plan.key(keyRow)), candidate);
	}

}
