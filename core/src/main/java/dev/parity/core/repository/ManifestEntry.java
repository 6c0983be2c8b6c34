package dev.parity.core.repository;

import java.util.Map;

import dev.parity.core.compare.SideChecksum;

/**
 * One checksummed chunk of a checkpoint's manifest: its key range ({@code lower <= key < upper}, null
 * bounds open), both sides' count and hash sum, and what judging it cost.
 *
 * @param partition the partition's number within its table (key order)
 * @param chunk the chunk's number within its partition (key order)
 * @param rowsFetched rows read from both databases to find its differing rows (0 when the checksums matched)
 * @param bytesFetched their canonical size in UTF-8 bytes
 * @param leaves ranges compared row by row
 * @param largestLeaf the most rows (both sides) one of them held
 * @param seconds the time of the chunk's checksum queries (both sides at once)
 */
public record ManifestEntry(String table, int partition, int chunk, Map<String, String> lower,
		Map<String, String> upper, SideChecksum source, SideChecksum target, long rowsFetched, long bytesFetched,
		int leaves, long largestLeaf, double seconds) {

	public boolean matched() {
		return source.equals(target);
	}

}
