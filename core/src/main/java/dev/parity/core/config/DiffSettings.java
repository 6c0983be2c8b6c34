package dev.parity.core.config;

/**
 * {@code parity.diff}: how the field-level diff runs.
 *
 * @param threads partitions compared at once (default: the machine's cores)
 * @param partitionRows rows per partition of the key space (default 250000)
 * @param fetchSize rows fetched per round trip while streaming (default 5000)
 * @param confirmBatch keys re-read per query in the confirmation pass (default 500)
 * @param chunkSize keys per committed chunk within a partition: the restart granularity (default 10000)
 */
public record DiffSettings(Integer threads, Integer partitionRows, Integer fetchSize, Integer confirmBatch,
		Integer chunkSize) {

	public static final DiffSettings DEFAULTS = new DiffSettings(null, null, null, null, null);

	public DiffSettings {
		threads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
		partitionRows = partitionRows == null ? 250_000 : partitionRows;
		fetchSize = fetchSize == null ? 5_000 : fetchSize;
		confirmBatch = confirmBatch == null ? 500 : confirmBatch;
		chunkSize = chunkSize == null ? 10_000 : chunkSize;
		if (threads < 1 || partitionRows < 1 || fetchSize < 1 || confirmBatch < 1 || chunkSize < 1) {
			throw new IllegalArgumentException(
					"threads, partition-rows, fetch-size, confirm-batch and chunk-size must be at least 1");
		}
	}

}
