package dev.parity.core.config;

/**
 * {@code parity.checksum}: how the weekly partitioned checksum runs.
 *
 * @param threads partitions checksummed at once (default: the machine's cores)
 * @param partitionRows source rows per partition of a table's key space (default 1000000)
 * @param bisectRows a differing range with at most this many rows on both sides together is fetched
 *     and compared row by row; larger ones are split further (default 1000)
 * @param bisectFanOut parts a differing range is split into at each bisection step (default 16)
 * @param targetQuerySeconds the time each checksum query aims at: chunks grow or shrink to it, so no
 *     single query holds a production database for long (default 0.5)
 * @param maxChunkRows the largest chunk, whatever the rate (default 2000000)
 */
public record ChecksumSettings(Integer threads, Integer partitionRows, Integer bisectRows, Integer bisectFanOut,
		Double targetQuerySeconds, Integer maxChunkRows) {

	public static final ChecksumSettings DEFAULTS = new ChecksumSettings(null, null, null, null, null, null);

	/** The first chunk of each partition, before the rate is known. */
	public static final int FIRST_CHUNK_ROWS = 10_000;

	public ChecksumSettings {
		threads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
		partitionRows = partitionRows == null ? 1_000_000 : partitionRows;
		bisectRows = bisectRows == null ? 1_000 : bisectRows;
		bisectFanOut = bisectFanOut == null ? 16 : bisectFanOut;
		targetQuerySeconds = targetQuerySeconds == null ? 0.5 : targetQuerySeconds;
		maxChunkRows = maxChunkRows == null ? 2_000_000 : maxChunkRows;
		if (threads < 1 || partitionRows < 1 || bisectRows < 1 || maxChunkRows < 1) {
			throw new IllegalArgumentException("threads, partition-rows, bisect-rows and max-chunk-rows must be at least 1");
		}
		if (bisectFanOut < 2) {
			throw new IllegalArgumentException("bisect-fan-out must be at least 2");
		}
		if (!(targetQuerySeconds > 0)) {
			throw new IllegalArgumentException("target-query-seconds must be more than 0");
		}
	}

}
