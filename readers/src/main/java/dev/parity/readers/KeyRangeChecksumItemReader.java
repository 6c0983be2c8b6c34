package dev.parity.readers;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import dev.parity.core.compare.Checksummer;
import dev.parity.core.compare.KeyRange;
import dev.parity.core.compare.RangeChecksum;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks one partition in chunks and reads both sides' checksum of each (one aggregate query per side,
 * run at once). Chunks adapt to the databases' speed: each chunk's size is the previous rate times the
 * target query time (at most four times the previous size, at least 1000 rows), as pt-table-checksum
 * does, so no single query holds a production database for long. A chunk ends at the source key
 * {@code size} rows after its start; the last one at the partition's end.
 *
 * <p>Restartable: the next chunk's start, number and size are kept in the step's execution context.
 */
public class KeyRangeChecksumItemReader implements ItemStreamReader<RangeChecksum> {

	static final String NEXT = "checksum.next";

	static final String CHUNK = "checksum.chunk";

	static final String SIZE = "checksum.size";

	static final String DONE = "checksum.done";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final long MIN_ROWS = 1_000;

	private final Checksummer checksummer;

	private final KeyRange partition;

	private final String partitionName;

	private final int partitionNo;

	private final double targetSeconds;

	private final long maxRows;

	private Map<String, String> next;

	private int chunk;

	private long size;

	private boolean done;

	public KeyRangeChecksumItemReader(Checksummer checksummer, KeyRange partition, String partitionName,
			double targetSeconds, long firstRows, long maxRows) {
		this.checksummer = checksummer;
		this.partition = partition;
		this.partitionName = partitionName;
		this.partitionNo = Integer.parseInt(partitionName.substring(partitionName.lastIndexOf(':') + 1));
		this.targetSeconds = targetSeconds;
		this.maxRows = maxRows;
		this.size = Math.min(firstRows, maxRows);
	}

	@Override
	public void open(ExecutionContext context) {
		next = context.containsKey(NEXT) ? key(context.getString(NEXT)) : partition.lower();
		chunk = context.containsKey(CHUNK) ? context.getInt(CHUNK) : 0;
		size = context.containsKey(SIZE) ? context.getLong(SIZE) : size;
		done = context.containsKey(DONE) && "true".equals(context.getString(DONE));
	}

	@Override
	public RangeChecksum read() {
		if (done) {
			return null;
		}
		Map<String, String> upper = checksummer.sourceKeyAt(new KeyRange(next, partition.upper()), size);
		if (upper == null) {
			upper = partition.upper();
			done = true;
		}
		KeyRange range = new KeyRange(next, upper);
		long started = System.nanoTime();
		Checksummer.RangeSums sums = checksummer.both(range);
		double seconds = (System.nanoTime() - started) / 1e9;
		long rows = Math.max(sums.source().count(), sums.target().count());
		if (rows > 0) {
			long fitting = (long) (rows / Math.max(seconds, 1e-3) * targetSeconds);
			size = Math.max(MIN_ROWS, Math.min(Math.min(maxRows, size * 4), fitting));
		}
		next = upper;
		chunk++;
		return new RangeChecksum(checksummer.plan().compare().pair().name(), partitionName, partitionNo, chunk, range, sums,
				seconds);
	}

	@Override
	public void update(ExecutionContext context) {
		if (next != null) {
			context.putString(NEXT, JSON.writeValueAsString(next));
		}
		context.putInt(CHUNK, chunk);
		context.putLong(SIZE, size);
		context.putString(DONE, String.valueOf(done));
	}

	private static Map<String, String> key(String json) {
		return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
		});
	}

}
