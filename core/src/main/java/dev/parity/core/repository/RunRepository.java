package dev.parity.core.repository;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;

import dev.parity.core.repository.ControlTables.Run;

/**
 * Parity runs: one per Spring Batch job instance, so that a restarted execution continues its run.
 */
public class RunRepository {

	private final DSLContext dsl;

	public RunRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** The run of {@code jobInstanceId}, created on first call, marked RUNNING on every call. */
	public long startOrResume(String jobName, long jobInstanceId, String trigger, String tables, Instant at) {
		Optional<Long> existing = dsl.select(Run.ID)
			.from(Run.TABLE)
			.where(Run.JOB_INSTANCE_ID.eq(jobInstanceId))
			.fetchOptional(Run.ID);
		if (existing.isPresent()) {
			dsl.update(Run.TABLE).set(Run.STATUS, "RUNNING").setNull(Run.FINISHED_AT).where(Run.ID.eq(existing.get())).execute();
			return existing.get();
		}
		return dsl.insertInto(Run.TABLE)
			.set(Run.JOB_NAME, jobName)
			.set(Run.JOB_INSTANCE_ID, jobInstanceId)
			.set(Run.TRIGGER, trigger)
			.set(Run.TABLES, tables)
			.set(Run.STATUS, "RUNNING")
			.set(Run.STARTED_AT, at)
			.returningResult(Run.ID)
			.fetchSingle(Run.ID);
	}

	public void finish(long runId, String status, Instant at) {
		dsl.update(Run.TABLE).set(Run.STATUS, status).set(Run.FINISHED_AT, at).where(Run.ID.eq(runId)).execute();
	}

	/** When the parallel run began: the start of the first Parity run, if any. */
	public Optional<Instant> firstStart() {
		return Optional.ofNullable(dsl.select(org.jooq.impl.DSL.min(Run.STARTED_AT)).from(Run.TABLE).fetchOne(0, Instant.class));
	}


}
