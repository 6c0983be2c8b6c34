package dev.parity.core.repository;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import dev.parity.core.compare.SideChecksum;
import dev.parity.core.repository.ControlTables.CheckpointT;
import dev.parity.core.repository.ControlTables.CheckpointTableT;
import dev.parity.core.repository.ControlTables.Manifest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checksum's numbered checkpoints in the control database: each run's partition manifest (bounds,
 * count and hash per side), written chunk by chunk inside the job's transactions, and the comparison
 * of two checkpoints ({@code ./parity checkpoints diff A B}; the cutover's kill switch takes one).
 *
 * <p>Example: {@code latest()} → checkpoint 7 of run 42; {@code diff(6, 7)} → the regions of each
 * table whose rows changed between the two runs, on the source or the target.
 */
public class CheckpointRepository {

	public static final String SQL = "SQL";

	public static final String PARITY = "PARITY";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DSLContext dsl;

	public CheckpointRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * The checkpoint of {@code runId}, created with the next number on the run's first call; a restarted
	 * execution of the same run continues it and is recorded as its latest execution.
	 */
	public Checkpoint open(long runId, Long jobExecutionId, Instant at) {
		Optional<Checkpoint> existing = byRunId(runId);
		if (existing.isPresent()) {
			dsl.update(CheckpointT.TABLE)
				.set(CheckpointT.JOB_EXECUTION_ID, jobExecutionId)
				.set(CheckpointT.STATUS, "RUNNING")
				.where(CheckpointT.NO.eq(existing.get().number()))
				.execute();
			return byRunId(runId).orElseThrow();
		}
		long number = dsl.select(DSL.coalesce(DSL.max(CheckpointT.NO), DSL.inline(0L))).from(CheckpointT.TABLE).fetchSingle().value1() + 1;
		dsl.insertInto(CheckpointT.TABLE)
			.set(CheckpointT.NO, number)
			.set(CheckpointT.RUN_ID, runId)
			.set(CheckpointT.JOB_EXECUTION_ID, jobExecutionId)
			.set(CheckpointT.STATUS, "RUNNING")
			.set(CheckpointT.CREATED_AT, at)
			.execute();
		return byNumber(number).orElseThrow();
	}

	/** How a table of the checkpoint is hashed: {@link #SQL} or {@link #PARITY}, with the reason. */
	public void recordTable(long number, String table, String method, String fallback) {
		int updated = dsl.update(CheckpointTableT.TABLE)
			.set(CheckpointTableT.METHOD, method)
			.set(CheckpointTableT.FALLBACK, fallback)
			.where(CheckpointTableT.NO.eq(number).and(CheckpointTableT.TABLE_NAME.eq(table)))
			.execute();
		if (updated == 0) {
			dsl.insertInto(CheckpointTableT.TABLE)
				.set(CheckpointTableT.NO, number)
				.set(CheckpointTableT.TABLE_NAME, table)
				.set(CheckpointTableT.METHOD, method)
				.set(CheckpointTableT.FALLBACK, fallback)
				.execute();
		}
	}

	/** Adds one chunk to the manifest. */
	public void add(long number, ManifestEntry entry) {
		dsl.insertInto(Manifest.TABLE)
			.set(Manifest.NO, number)
			.set(Manifest.TABLE_NAME, entry.table())
			.set(Manifest.PARTITION_NO, entry.partition())
			.set(Manifest.CHUNK_NO, entry.chunk())
			.set(Manifest.LOWER, json(entry.lower()))
			.set(Manifest.UPPER, json(entry.upper()))
			.set(Manifest.SOURCE_COUNT, entry.source().count())
			.set(Manifest.SOURCE_HASH, entry.source().sum().toString())
			.set(Manifest.TARGET_COUNT, entry.target().count())
			.set(Manifest.TARGET_HASH, entry.target().sum().toString())
			.set(Manifest.ROWS_FETCHED, entry.rowsFetched())
			.set(Manifest.BYTES_FETCHED, entry.bytesFetched())
			.set(Manifest.LEAVES, entry.leaves())
			.set(Manifest.LARGEST_LEAF, entry.largestLeaf())
			.set(Manifest.SECONDS, entry.seconds())
			.execute();
	}

	public void complete(long number, Instant at) {
		dsl.update(CheckpointT.TABLE)
			.set(CheckpointT.STATUS, "COMPLETE")
			.set(CheckpointT.COMPLETED_AT, at)
			.where(CheckpointT.NO.eq(number))
			.execute();
	}

	/** Every checkpoint, oldest first. */
	public List<Checkpoint> list() {
		return dsl.select(CheckpointT.NO, CheckpointT.RUN_ID, CheckpointT.JOB_EXECUTION_ID, CheckpointT.STATUS,
				CheckpointT.CREATED_AT, CheckpointT.COMPLETED_AT)
			.from(CheckpointT.TABLE)
			.orderBy(CheckpointT.NO)
			.fetch(CheckpointRepository::checkpoint);
	}

	/** The newest complete checkpoint. */
	public Optional<Checkpoint> latest() {
		return list().stream().filter(Checkpoint::complete).reduce((a, b) -> b);
	}

	public Optional<Checkpoint> byNumber(long number) {
		return one(CheckpointT.NO.eq(number));
	}

	/** The checkpoint written by the checksum run {@code runId} (a job execution's {@code parity.runId}). */
	public Optional<Checkpoint> byRunId(long runId) {
		return one(CheckpointT.RUN_ID.eq(runId));
	}

	/** The checkpoint whose latest writer was the job execution {@code jobExecutionId}. */
	public Optional<Checkpoint> byJobExecutionId(long jobExecutionId) {
		return one(CheckpointT.JOB_EXECUTION_ID.eq(jobExecutionId));
	}

	/** The manifest of a checkpoint, in table and key order. */
	public List<ManifestEntry> manifest(long number) {
		return dsl.select(Manifest.TABLE_NAME, Manifest.PARTITION_NO, Manifest.CHUNK_NO, Manifest.LOWER, Manifest.UPPER,
				Manifest.SOURCE_COUNT, Manifest.SOURCE_HASH, Manifest.TARGET_COUNT, Manifest.TARGET_HASH, Manifest.ROWS_FETCHED,
				Manifest.BYTES_FETCHED, Manifest.LEAVES, Manifest.LARGEST_LEAF, Manifest.SECONDS)
			.from(Manifest.TABLE)
			.where(Manifest.NO.eq(number))
			.orderBy(Manifest.TABLE_NAME, Manifest.PARTITION_NO, Manifest.CHUNK_NO)
			.fetch(CheckpointRepository::entry);
	}

	/** Per table of a checkpoint: how it was hashed and its manifest's totals, by table name. */
	public List<ChecksumTableSummary> summary(long number) {
		Map<String, ChecksumTableSummary> tables = new LinkedHashMap<>();
		Map<String, String[]> methods = new LinkedHashMap<>();
		dsl.select(CheckpointTableT.TABLE_NAME, CheckpointTableT.METHOD, CheckpointTableT.FALLBACK)
			.from(CheckpointTableT.TABLE)
			.where(CheckpointTableT.NO.eq(number))
			.orderBy(CheckpointTableT.TABLE_NAME)
			.forEach((r) -> methods.put(r.value1(), new String[] { r.value2(), r.value3() }));
		for (ManifestEntry e : manifest(number)) {
			String[] method = methods.getOrDefault(e.table(), new String[] { "?", null });
			ChecksumTableSummary s = tables.getOrDefault(e.table(),
					new ChecksumTableSummary(e.table(), method[0], method[1], 0, 0, 0, 0, 0, 0, 0, 0, 0));
			tables.put(e.table(), new ChecksumTableSummary(s.table(), s.method(), s.fallback(), s.chunks() + 1,
					s.mismatched() + (e.matched() ? 0 : 1), s.sourceRows() + e.source().count(),
					s.targetRows() + e.target().count(), s.rowsFetched() + e.rowsFetched(),
					s.bytesFetched() + e.bytesFetched(), s.leaves() + e.leaves(), Math.max(s.largestLeaf(), e.largestLeaf()),
					s.seconds() + e.seconds()));
		}
		methods.forEach((table, method) -> tables.putIfAbsent(table,
				new ChecksumTableSummary(table, method[0], method[1], 0, 0, 0, 0, 0, 0, 0, 0, 0)));
		return new ArrayList<>(new java.util.TreeMap<>(tables).values());
	}

	/**
	 * What changed from checkpoint {@code from} to checkpoint {@code to}: both manifests cut at their
	 * common chunk bounds, each region's sums compared per side.
	 * @throws IllegalArgumentException naming the checkpoint that does not exist
	 */
	public CheckpointDiff diff(long from, long to) {
		Checkpoint a = byNumber(from).orElseThrow(() -> new IllegalArgumentException("checkpoint " + from + " does not exist"));
		Checkpoint b = byNumber(to).orElseThrow(() -> new IllegalArgumentException("checkpoint " + to + " does not exist"));
		Map<String, List<ManifestEntry>> before = byTable(manifest(from));
		Map<String, List<ManifestEntry>> after = byTable(manifest(to));
		List<CheckpointDiff.Change> changed = new ArrayList<>();
		Map<String, Long> onlyIn = new LinkedHashMap<>();
		int regions = 0;
		Set<String> tables = new java.util.TreeSet<>(before.keySet());
		tables.addAll(after.keySet());
		for (String table : tables) {
			if (!before.containsKey(table) || !after.containsKey(table)) {
				onlyIn.put(table, before.containsKey(table) ? from : to);
				continue;
			}
			List<Region> x = regions(before.get(table), after.get(table));
			List<Region> y = regions(after.get(table), before.get(table));
			regions += x.size();
			for (int i = 0; i < x.size(); i++) {
				Region r = x.get(i);
				Region s = y.get(i);
				if (!r.source.equals(s.source) || !r.target.equals(s.target)) {
					changed.add(new CheckpointDiff.Change(table, r.lower, r.upper, r.source, s.source, r.target, s.target));
				}
			}
		}
		return new CheckpointDiff(a, b, regions, changed, onlyIn);
	}

	private record Region(Map<String, String> lower, Map<String, String> upper, SideChecksum source, SideChecksum target) {
	}

	// Both manifests cover the whole key space in key order, so the bounds they share split both into
	// the same regions, in the same order; a region's sums are the sums of its chunks.
	private static List<Region> regions(List<ManifestEntry> mine, List<ManifestEntry> theirs) {
		Set<Map<String, String>> shared = new LinkedHashSet<>();
		theirs.forEach((e) -> shared.add(e.upper()));
		List<Region> regions = new ArrayList<>();
		Map<String, String> lower = null;
		SideChecksum source = SideChecksum.EMPTY;
		SideChecksum target = SideChecksum.EMPTY;
		for (ManifestEntry e : mine) {
			source = source.plus(e.source());
			target = target.plus(e.target());
			if (e.upper() == null || shared.contains(e.upper())) {
				regions.add(new Region(lower, e.upper(), source, target));
				lower = e.upper();
				source = SideChecksum.EMPTY;
				target = SideChecksum.EMPTY;
			}
		}
		return regions;
	}

	private static Map<String, List<ManifestEntry>> byTable(List<ManifestEntry> entries) {
		Map<String, List<ManifestEntry>> byTable = new LinkedHashMap<>();
		entries.forEach((e) -> byTable.computeIfAbsent(e.table(), (t) -> new ArrayList<>()).add(e));
		return byTable;
	}

	private Optional<Checkpoint> one(org.jooq.Condition condition) {
		return dsl.select(CheckpointT.NO, CheckpointT.RUN_ID, CheckpointT.JOB_EXECUTION_ID, CheckpointT.STATUS,
				CheckpointT.CREATED_AT, CheckpointT.COMPLETED_AT)
			.from(CheckpointT.TABLE)
			.where(condition)
			.fetchOptional(CheckpointRepository::checkpoint);
	}

	private static Checkpoint checkpoint(org.jooq.Record6<Long, Long, Long, String, Instant, Instant> r) {
		return new Checkpoint(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6());
	}

	private static ManifestEntry entry(Record r) {
		return new ManifestEntry(r.get(Manifest.TABLE_NAME), r.get(Manifest.PARTITION_NO), r.get(Manifest.CHUNK_NO),
				key(r.get(Manifest.LOWER)), key(r.get(Manifest.UPPER)),
				new SideChecksum(r.get(Manifest.SOURCE_COUNT), new BigInteger(r.get(Manifest.SOURCE_HASH))),
				new SideChecksum(r.get(Manifest.TARGET_COUNT), new BigInteger(r.get(Manifest.TARGET_HASH))),
				r.get(Manifest.ROWS_FETCHED), r.get(Manifest.BYTES_FETCHED), r.get(Manifest.LEAVES),
				r.get(Manifest.LARGEST_LEAF), r.get(Manifest.SECONDS));
	}

	private static String json(Map<String, String> key) {
		return key == null ? null : JSON.writeValueAsString(key);
	}

	private static Map<String, String> key(String json) {
		return json == null ? null : JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
		});
	}

}
