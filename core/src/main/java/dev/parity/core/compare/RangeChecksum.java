package dev.parity.core.compare;

/**
 * One checksummed chunk of a partition: its key range and both sides' checksums.
 *
 * @param partition the partition's number within its table (key order)
 * @param chunk the chunk's number within the partition (key order)
 * @param seconds how long the two checksum queries took (run at once)
 */
public record RangeChecksum(String table, String partitionName, int partition, int chunk, KeyRange range,
		Checksummer.RangeSums sums, double seconds) {

}
