package dev.parity.core.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import dev.parity.core.repository.ControlTables.Lag;

/** Replication lag per table, one measurement per (counts run, table); replaced if written again. */
public class LagRepository {

	/**
	 * One measurement.
	 *
	 * @param table the table pair
	 * @param lag how far the target trailed the source
	 * @param threshold the alert threshold at the time
	 * @param measuredBy {@code watermark} (the updated-column values) or {@code prometheus}
	 * @param at when
	 * @param alerted whether it was above the threshold
	 */
	public record LagPoint(long runId, String table, Duration lag, Duration threshold, String measuredBy, Instant at,
			boolean alerted) {
	}

	private final DSLContext dsl;

	public LagRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public void save(LagPoint point) {
		dsl.deleteFrom(Lag.TABLE).where(Lag.RUN_ID.eq(point.runId()).and(Lag.TABLE_NAME.eq(point.table()))).execute();
		dsl.insertInto(Lag.TABLE)
			.set(Lag.RUN_ID, point.runId())
			.set(Lag.TABLE_NAME, point.table())
			.set(Lag.LAG_SECONDS, point.lag().toMillis() / 1000.0)
			.set(Lag.THRESHOLD_SECONDS, point.threshold().toSeconds())
			.set(Lag.MEASURED_BY, point.measuredBy())
			.set(Lag.MEASURED_AT, point.at())
			.set(Lag.ALERTED, point.alerted())
			.execute();
	}

	/** The latest measurement of {@code table}, if any. */
	public Optional<LagPoint> latest(String table) {
		return dsl.select(Lag.RUN_ID, Lag.TABLE_NAME, Lag.LAG_SECONDS, Lag.THRESHOLD_SECONDS, Lag.MEASURED_BY,
				Lag.MEASURED_AT, Lag.ALERTED)
			.from(Lag.TABLE)
			.where(Lag.TABLE_NAME.eq(table))
			// the constant table_name leads so that H2 reads its (table_name, measured_at) index in order
			.orderBy(Lag.TABLE_NAME.desc(), Lag.MEASURED_AT.desc(), Lag.ID.desc())
			.limit(1)
			.fetchOptional(LagRepository::point);
	}

	/** The latest measurement of every table that has one, by table name. */
	public Map<String, LagPoint> latestPerTable() {
		var newest = dsl.select(Lag.TABLE_NAME, DSL.max(Lag.ID).as("id")).from(Lag.TABLE).groupBy(Lag.TABLE_NAME).asTable("n");
		Map<String, LagPoint> latest = new LinkedHashMap<>();
		dsl.select(Lag.RUN_ID, Lag.TABLE_NAME, Lag.LAG_SECONDS, Lag.THRESHOLD_SECONDS, Lag.MEASURED_BY, Lag.MEASURED_AT,
				Lag.ALERTED)
			.from(Lag.TABLE)
			.where(Lag.ID.in(DSL.select(newest.field("id", Long.class)).from(newest)))
			.orderBy(Lag.TABLE_NAME)
			.fetch(LagRepository::point)
			.forEach((p) -> latest.put(p.table(), p));
		return latest;
	}

	/** The measurements of one counts run, by table name. */
	public List<LagPoint> ofRun(long runId) {
		return dsl.select(Lag.RUN_ID, Lag.TABLE_NAME, Lag.LAG_SECONDS, Lag.THRESHOLD_SECONDS, Lag.MEASURED_BY,
				Lag.MEASURED_AT, Lag.ALERTED)
			.from(Lag.TABLE)
			.where(Lag.RUN_ID.eq(runId))
			.orderBy(Lag.TABLE_NAME)
			.fetch(LagRepository::point);
	}

	private static LagPoint point(org.jooq.Record7<Long, String, Double, Long, String, Instant, Boolean> r) {
		return new LagPoint(r.value1(), r.value2(), Duration.ofMillis(Math.round(r.value3() * 1000)),
				Duration.ofSeconds(r.value4()), r.value5(), r.value6(), r.value7());
	}

}
