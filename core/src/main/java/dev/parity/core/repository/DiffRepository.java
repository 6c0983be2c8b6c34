package dev.parity.core.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import dev.parity.core.repository.ControlTables.Candidate;
import dev.parity.core.repository.ControlTables.CheckResult;
import dev.parity.core.repository.ControlTables.Disc;
import dev.parity.core.repository.ControlTables.Progress;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The diff's working state in the control database, written inside the job's chunk transactions so
 * that a restarted partition neither loses nor double-counts anything.
 */
public class DiffRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DSLContext dsl;

	public DiffRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** A key the merge pass could not call equal: {@code reason} as in {@code MergeVerdict.candidate()}. */
	public record NewCandidate(String table, Map<String, String> key, String reason) {
	}

	/**
	 * Adds candidate keys the run does not have yet, in one prepared batch: a key already recorded (by a
	 * chunk that is being retried, or by another pass) is left as it is, through the unique (run, key
	 * hash) index — one round trip per chunk, not two per key.
	 */
	public void addCandidates(long runId, List<NewCandidate> candidates) {
		if (candidates.isEmpty()) {
			return;
		}
		BatchBindStep batch = dsl.batch(dsl.insertInto(Candidate.TABLE, Candidate.RUN_ID, Candidate.TABLE_NAME,
				Candidate.KEY_JSON, Candidate.KEY_HASH, Candidate.REASON)
			.values((Long) null, null, null, null, null)
			.onConflict(Candidate.RUN_ID, Candidate.KEY_HASH)
			.doNothing());
		for (NewCandidate candidate : candidates) {
			String keyJson = JSON.writeValueAsString(candidate.key());
			batch = batch.bind(runId, candidate.table(), keyJson,
					DigestUtils.sha256Hex(candidate.table() + '\u0000' + keyJson), candidate.reason());
		}
		batch.execute();
	}

	/** Adds one chunk's counts to a partition's progress. */
	public void addProgress(long runId, String table, String partition, long seen, long equal, long candidates) {
		int updated = dsl.update(Progress.TABLE)
			.set(Progress.ROWS_SEEN, Progress.ROWS_SEEN.plus(seen))
			.set(Progress.ROWS_EQUAL, Progress.ROWS_EQUAL.plus(equal))
			.set(Progress.CANDIDATES, Progress.CANDIDATES.plus(candidates))
			.where(Progress.RUN_ID.eq(runId).and(Progress.PARTITION.eq(partition)))
			.execute();
		if (updated == 0) {
			dsl.insertInto(Progress.TABLE)
				.set(Progress.RUN_ID, runId)
				.set(Progress.PARTITION, partition)
				.set(Progress.TABLE_NAME, table)
				.set(Progress.ROWS_SEEN, seen)
				.set(Progress.ROWS_EQUAL, equal)
				.set(Progress.CANDIDATES, candidates)
				.execute();
		}
	}

	/** The next candidates of a run after {@code afterId}, in id order. */
	public List<DiffCandidate> candidates(long runId, long afterId, int limit) {
		return dsl.select(Candidate.ID, Candidate.TABLE_NAME, Candidate.KEY_JSON, Candidate.REASON)
			.from(Candidate.TABLE)
			.where(Candidate.RUN_ID.eq(runId).and(Candidate.ID.gt(afterId)))
			// run_id leads (constant here) so that H2 reads the (run_id, id) index in order and stops at the
			// limit; ordered by id alone it read and sorted the run's remaining candidates for every chunk
			.orderBy(Candidate.RUN_ID, Candidate.ID)
			.limit(limit)
			.fetch((r) -> new DiffCandidate(r.value1(), r.value2(), key(r.value3()), r.value4()));
	}

	/**
	 * Deletes the candidates of every run that has completed: a completed run's statistics are stored in
	 * its check results and it can no longer be restarted, so its candidates are never read again. Those
	 * of a failed or stopped run stay: its restart still confirms them and counts them in its statistics.
	 * @return how many were deleted
	 */
	public int pruneCandidates() {
		return dsl.deleteFrom(Candidate.TABLE)
			.where(Candidate.RUN_ID.in(DSL.select(ControlTables.Run.ID)
				.from(ControlTables.Run.TABLE)
				.where(ControlTables.Run.STATUS.eq("COMPLETED"))))
			.execute();
	}

	/** A candidate's outcome, for {@link #markOutcomes}. */
	public record Outcome(long candidateId, String outcome, int fieldsCompared, int fieldsMismatched) {
	}

	/** Records the confirmation pass's outcome of candidates, with their field counts, in one prepared batch. */
	public void markOutcomes(List<Outcome> outcomes) {
		if (outcomes.isEmpty()) {
			return;
		}
		BatchBindStep batch = dsl.batch(dsl.update(Candidate.TABLE)
			.set(Candidate.OUTCOME, (String) null)
			.set(Candidate.FIELDS_COMPARED, (Integer) null)
			.set(Candidate.FIELDS_MISMATCHED, (Integer) null)
			.where(Candidate.ID.eq((Long) null)));
		for (Outcome o : outcomes) {
			batch = batch.bind(o.outcome(), o.fieldsCompared(), o.fieldsMismatched(), o.candidateId());
		}
		batch.execute();
	}

	/**
	 * Keeps open discrepancies of a key that was in flight this run from being resolved as unseen:
	 * the run could not judge it.
	 */
	public void touchOpen(long runId, String table, Map<String, String> key) {
		dsl.update(Disc.TABLE)
			.set(Disc.LAST_RUN_ID, runId)
			.where(Disc.TABLE_NAME.eq(table)
				.and(Disc.KEY_JSON.eq(JSON.writeValueAsString(key)))
				.and(Disc.STATUS.eq(DiscrepancyStatus.OPEN.name())))
			.execute();
	}

	/** The run's statistics for one table, from its progress and confirmed candidates. */
	public DiffStats stats(long runId, String table, int columns) {
		var progress = dsl.select(DSL.coalesce(DSL.sum(Progress.ROWS_SEEN), DSL.inline(java.math.BigDecimal.ZERO)),
				DSL.coalesce(DSL.sum(Progress.ROWS_EQUAL), DSL.inline(java.math.BigDecimal.ZERO)))
			.from(Progress.TABLE)
			.where(Progress.RUN_ID.eq(runId).and(Progress.TABLE_NAME.eq(table)))
			.fetchSingle();
		long seen = progress.value1().longValue();
		long equalInMerge = progress.value2().longValue();
		Map<String, long[]> outcomes = new LinkedHashMap<>();
		dsl.select(Candidate.OUTCOME, DSL.count(), DSL.sum(Candidate.FIELDS_COMPARED), DSL.sum(Candidate.FIELDS_MISMATCHED))
			.from(Candidate.TABLE)
			.where(Candidate.RUN_ID.eq(runId).and(Candidate.TABLE_NAME.eq(table)))
			.groupBy(Candidate.OUTCOME)
			.fetch()
			.forEach((r) -> outcomes.put(String.valueOf(r.value1()), new long[] { r.value2(),
					r.value3() == null ? 0 : r.value3().longValue(), r.value4() == null ? 0 : r.value4().longValue() }));
		return stats(table, columns, new long[] { seen, equalInMerge }, outcomes);
	}

	/**
	 * {@link #stats(long, String, int)} of every table of {@code columns} (table name to compared columns)
	 * in two queries, whatever the number of tables; in the map's order.
	 */
	public Map<String, DiffStats> stats(long runId, Map<String, Integer> columns) {
		Map<String, long[]> progress = new java.util.HashMap<>();
		dsl.select(Progress.TABLE_NAME, DSL.sum(Progress.ROWS_SEEN), DSL.sum(Progress.ROWS_EQUAL))
			.from(Progress.TABLE)
			.where(Progress.RUN_ID.eq(runId))
			.groupBy(Progress.TABLE_NAME)
			.fetch()
			.forEach((r) -> progress.put(r.value1(), new long[] { r.value2() == null ? 0 : r.value2().longValue(),
					r.value3() == null ? 0 : r.value3().longValue() }));
		Map<String, Map<String, long[]>> outcomes = new java.util.HashMap<>();
		dsl.select(Candidate.TABLE_NAME, Candidate.OUTCOME, DSL.count(), DSL.sum(Candidate.FIELDS_COMPARED),
				DSL.sum(Candidate.FIELDS_MISMATCHED))
			.from(Candidate.TABLE)
			.where(Candidate.RUN_ID.eq(runId))
			.groupBy(Candidate.TABLE_NAME, Candidate.OUTCOME)
			.fetch()
			.forEach((r) -> outcomes.computeIfAbsent(r.value1(), (t) -> new LinkedHashMap<>())
				.put(String.valueOf(r.value2()), new long[] { r.value3(), r.value4() == null ? 0 : r.value4().longValue(),
						r.value5() == null ? 0 : r.value5().longValue() }));
		Map<String, DiffStats> stats = new LinkedHashMap<>();
		columns.forEach((table, count) -> stats.put(table, stats(table, count, progress.getOrDefault(table, new long[2]),
				outcomes.getOrDefault(table, Map.of()))));
		return stats;
	}

	private static DiffStats stats(String table, int columns, long[] progress, Map<String, long[]> outcomes) {
		long[] none = { 0, 0, 0 };
		long inFlight = outcomes.getOrDefault("IN_FLIGHT", none)[0];
		long equalOnRecheck = outcomes.getOrDefault("EQUAL", none)[0];
		long[] different = outcomes.getOrDefault("DIFFERENT", none);
		long rowsEqual = progress[1] + equalOnRecheck;
		return new DiffStats(table, Math.max(0, progress[0] - inFlight), rowsEqual, inFlight,
				rowsEqual * columns + different[1], different[2]);
	}

	/** Stores the diff statistics of a table as its check result of the run. */
	public void saveResult(long runId, DiffStats stats, double threshold, Duration duration, Instant at) {
		saveResult(runId, "DIFF", stats, threshold, duration, at, null);
	}

	/** Stores a table's diff statistics with a note for the report (e.g. a widened lag window), or null. */
	public void saveResult(long runId, DiffStats stats, double threshold, Duration duration, Instant at, String note) {
		saveResult(runId, "DIFF", stats, threshold, duration, at, note);
	}

	/**
	 * Stores row statistics of a table as its check result of the run, for the diff ({@code DIFF}) or
	 * the checksum ({@code CHECKSUM}), with its {@code detail}: for the diff a note such as a widened lag
	 * window, for the checksum how the table was hashed; or null.
	 */
	public void saveResult(long runId, String checkType, DiffStats stats, double threshold, Duration duration,
			Instant at, String detail) {
		dsl.deleteFrom(CheckResult.TABLE)
			.where(CheckResult.RUN_ID.eq(runId)
				.and(CheckResult.CHECK_TYPE.eq(checkType))
				.and(CheckResult.TABLE_NAME.eq(stats.table())))
			.execute();
		dsl.insertInto(CheckResult.TABLE)
			.set(CheckResult.RUN_ID, runId)
			.set(CheckResult.CHECK_TYPE, checkType)
			.set(CheckResult.TABLE_NAME, stats.table())
			.set(CheckResult.DETAIL, detail)
			.set(CheckResult.ROWS_COMPARED, stats.rowsCompared())
			.set(CheckResult.ROWS_EQUAL, stats.rowsEqual())
			.set(CheckResult.ROWS_IN_FLIGHT, stats.rowsInFlight())
			.set(CheckResult.FIELDS_COMPARED, stats.fieldsCompared())
			.set(CheckResult.FIELDS_MISMATCHED, stats.fieldsMismatched())
			.set(CheckResult.MATCH_RATE, stats.matchRate())
			.set(CheckResult.THRESHOLD, threshold)
			.set(CheckResult.PASSED, stats.rowsCompared() == stats.rowsEqual())
			.set(CheckResult.DURATION_MS, duration.toMillis())
			.set(CheckResult.CHECKED_AT, at)
			.execute();
	}

	/**
	 * {@link #saveResult(long, String, DiffStats, double, Duration, Instant, String)} for many tables:
	 * one delete per thousand tables and the inserts in one batch. {@code details} by table; may lack some.
	 */
	public void saveResults(long runId, String checkType, java.util.Collection<DiffStats> stats, double threshold,
			Duration duration, Instant at, Map<String, String> details) {
		List<DiffStats> all = List.copyOf(stats);
		for (int from = 0; from < all.size(); from += 1000) {
			List<DiffStats> slice = all.subList(from, Math.min(all.size(), from + 1000));
			dsl.deleteFrom(CheckResult.TABLE)
				.where(CheckResult.RUN_ID.eq(runId)
					.and(CheckResult.CHECK_TYPE.eq(checkType))
					.and(CheckResult.TABLE_NAME.in(slice.stream().map(DiffStats::table).toList())))
				.execute();
			dsl.batch(slice.stream()
				.map((table) -> dsl.insertInto(CheckResult.TABLE)
					.set(CheckResult.RUN_ID, runId)
					.set(CheckResult.CHECK_TYPE, checkType)
					.set(CheckResult.TABLE_NAME, table.table())
					.set(CheckResult.DETAIL, details.get(table.table()))
					.set(CheckResult.ROWS_COMPARED, table.rowsCompared())
					.set(CheckResult.ROWS_EQUAL, table.rowsEqual())
					.set(CheckResult.ROWS_IN_FLIGHT, table.rowsInFlight())
					.set(CheckResult.FIELDS_COMPARED, table.fieldsCompared())
					.set(CheckResult.FIELDS_MISMATCHED, table.fieldsMismatched())
					.set(CheckResult.MATCH_RATE, table.matchRate())
					.set(CheckResult.THRESHOLD, threshold)
					.set(CheckResult.PASSED, table.rowsCompared() == table.rowsEqual())
					.set(CheckResult.DURATION_MS, duration.toMillis())
					.set(CheckResult.CHECKED_AT, at))
				.toList()).execute();
		}
	}

	/** The notes stored with a run's diff results (such as a widened lag window), by table name. */
	public java.util.Map<String, String> notes(long runId) {
		return notes(runId, "DIFF");
	}

	/**
	 * The notes stored with a run's {@code checkType} ({@code DIFF} or {@code CHECKSUM}) results, by table
	 * name: a widened lag window, and for the checksum why a table was hashed in Parity.
	 */
	public java.util.Map<String, String> notes(long runId, String checkType) {
		java.util.Map<String, String> notes = new java.util.LinkedHashMap<>();
		dsl.select(CheckResult.TABLE_NAME, CheckResult.DETAIL)
			.from(CheckResult.TABLE)
			.where(CheckResult.RUN_ID.eq(runId).and(CheckResult.CHECK_TYPE.eq(checkType)).and(CheckResult.DETAIL.isNotNull()))
			.orderBy(CheckResult.TABLE_NAME)
			.fetch()
			.forEach((r) -> notes.put(r.value1(), r.value2()));
		return notes;
	}

	/** The stored diff statistics of a run, by table name. */
	public List<DiffStats> results(long runId) {
		return results(runId, "DIFF");
	}

	/** The stored row statistics of a run's {@code checkType} ({@code DIFF} or {@code CHECKSUM}), by table name. */
	public List<DiffStats> results(long runId, String checkType) {
		return dsl.select(CheckResult.TABLE_NAME, CheckResult.ROWS_COMPARED, CheckResult.ROWS_EQUAL,
				CheckResult.ROWS_IN_FLIGHT, CheckResult.FIELDS_COMPARED, CheckResult.FIELDS_MISMATCHED)
			.from(CheckResult.TABLE)
			.where(CheckResult.RUN_ID.eq(runId).and(CheckResult.CHECK_TYPE.eq(checkType)))
			.orderBy(CheckResult.TABLE_NAME)
			.fetch((r) -> new DiffStats(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
	}

	private static Map<String, String> key(String json) {
		return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
		});
	}

}
