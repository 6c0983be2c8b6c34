package dev.parity.core.repository;

/**
 * One table of a checkpoint, summed over its manifest.
 *
 * @param method {@code SQL} (both databases hashed) or {@code PARITY} (streamed and hashed by Parity)
 * @param fallback why the table was hashed by Parity, or null
 * @param chunks chunks checksummed; {@code mismatched} of them differed
 */
public record ChecksumTableSummary(String table, String method, String fallback, long chunks, long mismatched,
		long sourceRows, long targetRows, long rowsFetched, long bytesFetched, long leaves, long largestLeaf,
		double seconds) {

}
