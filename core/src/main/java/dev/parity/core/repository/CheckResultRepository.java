package dev.parity.core.repository;

import java.time.Instant;

import org.jooq.DSLContext;

import dev.parity.core.repository.ControlTables.CheckResult;
import dev.parity.core.repository.ControlTables.LagAlert;

/**
 * Check results and lag alerts; one per (run, check, table), replaced if written again.
 */
public class CheckResultRepository {

	private final DSLContext dsl;

	public CheckResultRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public void saveCounts(long runId, CountResult r, Instant at) {
		// Replace: a result written again for the same run (a replayed chunk) supersedes the old one.
		dsl.deleteFrom(CheckResult.TABLE)
			.where(CheckResult.RUN_ID.eq(runId)
				.and(CheckResult.CHECK_TYPE.eq("COUNTS"))
				.and(CheckResult.TABLE_NAME.eq(r.table())))
			.execute();
		dsl.insertInto(CheckResult.TABLE)
			.set(CheckResult.RUN_ID, runId)
			.set(CheckResult.CHECK_TYPE, "COUNTS")
			.set(CheckResult.TABLE_NAME, r.table())
			.set(CheckResult.SOURCE_COUNT, r.sourceCount())
			.set(CheckResult.TARGET_COUNT, r.targetCount())
			.set(CheckResult.SOURCE_IN_FLIGHT, r.sourceInFlight())
			.set(CheckResult.TARGET_IN_FLIGHT, r.targetInFlight())
			.set(CheckResult.VARIANCE, r.variance())
			.set(CheckResult.THRESHOLD, r.threshold())
			.set(CheckResult.PASSED, r.passed())
			.set(CheckResult.DURATION_MS, r.duration().toMillis())
			.set(CheckResult.CHECKED_AT, at)
			.execute();
	}

	/** Stores a lag alert: the target trails the source by {@code r.lag()}. */
	public void saveLagAlert(long runId, CountResult r, long thresholdSeconds, Instant at) {
		dsl.deleteFrom(LagAlert.TABLE).where(LagAlert.RUN_ID.eq(runId).and(LagAlert.TABLE_NAME.eq(r.table()))).execute();
		dsl.insertInto(LagAlert.TABLE)
			.set(LagAlert.RUN_ID, runId)
			.set(LagAlert.TABLE_NAME, r.table())
			.set(LagAlert.SOURCE_NEWEST, String.valueOf(r.sourceNewest()))
			.set(LagAlert.TARGET_NEWEST, String.valueOf(r.targetNewest()))
			.set(LagAlert.LAG_SECONDS, r.lag().toSeconds())
			.set(LagAlert.THRESHOLD_SECONDS, thresholdSeconds)
			.set(LagAlert.RAISED_AT, at)
			.execute();
	}

	/** The count results of {@code runId}, by table name, with any lag alert. */
	public java.util.List<CountRow> findCounts(long runId) {
		return dsl.select(CheckResult.TABLE_NAME, CheckResult.SOURCE_COUNT, CheckResult.TARGET_COUNT,
				CheckResult.SOURCE_IN_FLIGHT, CheckResult.TARGET_IN_FLIGHT, CheckResult.VARIANCE, CheckResult.THRESHOLD,
				CheckResult.PASSED, CheckResult.DURATION_MS, LagAlert.LAG_SECONDS)
			.from(CheckResult.TABLE)
			.leftJoin(LagAlert.TABLE)
			.on(LagAlert.RUN_ID.eq(CheckResult.RUN_ID).and(LagAlert.TABLE_NAME.eq(CheckResult.TABLE_NAME)))
			.where(CheckResult.RUN_ID.eq(runId).and(CheckResult.CHECK_TYPE.eq("COUNTS")))
			.orderBy(CheckResult.TABLE_NAME)
			.fetch((r) -> new CountRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
					r.value7(), r.value8(), r.value9(), r.value10()));
	}

	/** One stored check result, as the exit criteria read it. */
	public record ResultPoint(long runId, String table, Instant checkedAt, Double variance, Double matchRate,
			Long sourceCount, Long targetCount, String detail) {
	}

	/**
	 * Every stored result of {@code checkType} ({@code COUNTS}, {@code DIFF} or {@code CHECKSUM}), oldest
	 * first, with its detail (such as a widened lag window).
	 */
	public java.util.List<ResultPoint> history(String checkType) {
		return dsl.select(CheckResult.RUN_ID, CheckResult.TABLE_NAME, CheckResult.CHECKED_AT, CheckResult.VARIANCE,
				CheckResult.MATCH_RATE, CheckResult.SOURCE_COUNT, CheckResult.TARGET_COUNT, CheckResult.DETAIL)
			.from(CheckResult.TABLE)
			.where(CheckResult.CHECK_TYPE.eq(checkType))
			.orderBy(CheckResult.CHECKED_AT, CheckResult.ID)
			.fetch((r) -> new ResultPoint(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
					r.value7(), r.value8()));
	}

	/**
	 * The latest result of one check on one table, with its in-flight rows and any lag alert of that run.
	 *
	 * @param lagSeconds how far the target trailed the source when it raised a lag alert, else null
	 */
	public record Latest(String table, long runId, Instant checkedAt, boolean passed, Long sourceCount,
			Long targetCount, Long sourceInFlight, Long targetInFlight, Double variance, Long rowsCompared,
			Long rowsInFlight, Double matchRate, Long lagSeconds) {
	}

	/** The latest result of {@code checkType} ({@code COUNTS} or {@code DIFF}) per table: table → result. */
	public java.util.Map<String, Latest> latest(String checkType) {
		var latestIds = dsl.select(org.jooq.impl.DSL.max(CheckResult.ID))
			.from(CheckResult.TABLE)
			.where(CheckResult.CHECK_TYPE.eq(checkType))
			.groupBy(CheckResult.TABLE_NAME);
		java.util.Map<String, Latest> latest = new java.util.TreeMap<>();
		dsl.select(CheckResult.TABLE_NAME, CheckResult.RUN_ID, CheckResult.CHECKED_AT, CheckResult.PASSED,
				CheckResult.SOURCE_COUNT, CheckResult.TARGET_COUNT, CheckResult.SOURCE_IN_FLIGHT,
				CheckResult.TARGET_IN_FLIGHT, CheckResult.VARIANCE, CheckResult.ROWS_COMPARED, CheckResult.ROWS_IN_FLIGHT,
				CheckResult.MATCH_RATE, LagAlert.LAG_SECONDS)
			.from(CheckResult.TABLE)
			.leftJoin(LagAlert.TABLE)
			.on(LagAlert.RUN_ID.eq(CheckResult.RUN_ID).and(LagAlert.TABLE_NAME.eq(CheckResult.TABLE_NAME)))
			.where(CheckResult.ID.in(latestIds))
			.fetch()
			.forEach((r) -> latest.put(r.value1(), new Latest(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
					r.value6(), r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), r.value12(), r.value13())));
		return latest;
	}

	public int lagAlertsFor(long runId) {
		return dsl.fetchCount(LagAlert.TABLE, LagAlert.RUN_ID.eq(runId));
	}

}
