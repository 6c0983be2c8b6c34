package dev.parity.core.compare;

import java.math.BigInteger;

/**
 * One side's checksum of a key range: its row count and the exact sum of its row hashes. Sums add
 * up, so the checksum of a union of ranges is the sum of theirs (checkpoint diffs rely on it).
 */
public record SideChecksum(long count, BigInteger sum) {

	public static final SideChecksum EMPTY = new SideChecksum(0, BigInteger.ZERO);

	public SideChecksum plus(SideChecksum other) {
		return new SideChecksum(count + other.count, sum.add(other.sum));
	}

}
