package dev.parity.processors;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import dev.parity.core.compare.Bisection;
import dev.parity.core.compare.ChecksumVerdict;
import dev.parity.core.compare.RangeChecksum;

/**
 * Judges a checksummed chunk: equal checksums settle all its rows at once; differing ones are bisected
 * ({@link Bisection}) down to small ranges whose rows are compared by the diff's comparator, and the
 * differing or in-flight keys become candidates for the confirmation pass.
 */
public class ChecksumBisectionItemProcessor implements ItemProcessor<RangeChecksum, ChecksumVerdict> {

	private final Bisection bisection;

	public ChecksumBisectionItemProcessor(Bisection bisection) {
		this.bisection = bisection;
	}

	@Override
	public ChecksumVerdict process(RangeChecksum chunk) {
		return new ChecksumVerdict(chunk, bisection.judge(chunk.range(), chunk.sums()));
	}

}
