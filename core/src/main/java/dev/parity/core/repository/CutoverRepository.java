package dev.parity.core.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import dev.parity.core.cutover.Phase;
import dev.parity.core.cutover.Sample;
import dev.parity.core.cutover.Signal;
import dev.parity.core.repository.ControlTables.CutoverHistory;
import dev.parity.core.repository.ControlTables.CutoverIncident;
import dev.parity.core.repository.ControlTables.CutoverSample;
import dev.parity.core.repository.ControlTables.CutoverState;

/**
 * The cutover's state in the control database: the current phase (one row, versioned), every change,
 * the target's health samples and the kill-switch incidents. A phase change is a conditional update
 * on the version read before it, so of two nodes acting on the same state only one changes it.
 */
public class CutoverRepository {

	/** The current phase; {@code changedAt} is null before the first change. */
	public record PhaseState(Phase phase, Instant changedAt, String changedBy, long version) {
	}

	/** One row of the phase history. */
	public record PhaseChange(Phase from, Phase to, double targetShare, Instant at, String by, String reason,
			Long incidentId) {
	}

	/** One kill-switch firing or manual rollback. */
	public record Incident(long id, String trigger, Instant firedAt, Phase phaseBefore, String actor, String detail,
			String measuredJson, Long checkpointExecutionId, String checkpointNote, String webhookStatus) {
	}

	private final DSLContext dsl;

	public CutoverRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	public PhaseState state() {
		Record r = dsl.select(CutoverState.PHASE, CutoverState.CHANGED_AT, CutoverState.CHANGED_BY, CutoverState.VERSION)
			.from(CutoverState.TABLE)
			.where(CutoverState.ID.eq(1))
			.fetchOne();
		if (r == null) {
			return new PhaseState(Phase.SHADOW, null, null, 0);
		}
		return new PhaseState(Phase.valueOf(r.get(CutoverState.PHASE)), r.get(CutoverState.CHANGED_AT),
				r.get(CutoverState.CHANGED_BY), r.get(CutoverState.VERSION));
	}

	/**
	 * Moves the phase from {@code from} to {@code change.to()} if it is still at the version read
	 * before, and records the change (with {@code change.incidentId()}, which may be null).
	 * @return whether this call changed it (false: someone else changed it first)
	 */
	public boolean changePhase(long expectedVersion, PhaseChange change) {
		return dsl.transactionResult((tx) -> {
			DSLContext t = tx.dsl();
			int updated = t.update(CutoverState.TABLE)
				.set(CutoverState.PHASE, change.to().name())
				.set(CutoverState.CHANGED_AT, change.at())
				.set(CutoverState.CHANGED_BY, change.by())
				.set(CutoverState.VERSION, expectedVersion + 1)
				.where(CutoverState.ID.eq(1)
					.and(CutoverState.VERSION.eq(expectedVersion))
					.and(CutoverState.PHASE.eq(change.from().name())))
				.execute();
			if (updated == 0) {
				return false;
			}
			t.insertInto(CutoverHistory.TABLE)
				.set(CutoverHistory.FROM_PHASE, change.from().name())
				.set(CutoverHistory.TO_PHASE, change.to().name())
				.set(CutoverHistory.TARGET_SHARE, change.targetShare())
				.set(CutoverHistory.CHANGED_AT, change.at())
				.set(CutoverHistory.CHANGED_BY, change.by())
				.set(CutoverHistory.REASON, change.reason())
				.set(CutoverHistory.INCIDENT_ID, change.incidentId())
				.execute();
			return true;
		});
	}

	/**
	 * The kill switch's change: returns the phase to SHADOW if it is still at the version read before,
	 * and records the incident with it, in one transaction.
	 * @return the new incident's id; empty when someone else changed the phase first
	 */
	public Optional<Long> rollBack(long expectedVersion, Phase from, Instant at, String actor, String trigger,
			String detail, String measuredJson) {
		return dsl.transactionResult((tx) -> {
			DSLContext t = tx.dsl();
			int updated = t.update(CutoverState.TABLE)
				.set(CutoverState.PHASE, Phase.SHADOW.name())
				.set(CutoverState.CHANGED_AT, at)
				.set(CutoverState.CHANGED_BY, actor)
				.set(CutoverState.VERSION, expectedVersion + 1)
				.where(CutoverState.ID.eq(1).and(CutoverState.VERSION.eq(expectedVersion)).and(CutoverState.PHASE.eq(from.name())))
				.execute();
			if (updated == 0) {
				return Optional.<Long>empty();
			}
			long id = t.insertInto(CutoverIncident.TABLE)
				.set(CutoverIncident.TRIGGER, trigger)
				.set(CutoverIncident.FIRED_AT, at)
				.set(CutoverIncident.PHASE_BEFORE, from.name())
				.set(CutoverIncident.ACTOR, actor)
				.set(CutoverIncident.DETAIL, detail)
				.set(CutoverIncident.MEASURED_JSON, measuredJson)
				.returningResult(CutoverIncident.ID)
				.fetchOne()
				.value1();
			t.insertInto(CutoverHistory.TABLE)
				.set(CutoverHistory.FROM_PHASE, from.name())
				.set(CutoverHistory.TO_PHASE, Phase.SHADOW.name())
				.set(CutoverHistory.TARGET_SHARE, 0.0)
				.set(CutoverHistory.CHANGED_AT, at)
				.set(CutoverHistory.CHANGED_BY, actor)
				.set(CutoverHistory.REASON, detail)
				.set(CutoverHistory.INCIDENT_ID, id)
				.execute();
			return Optional.of(id);
		});
	}

	/** The latest changes, newest first. */
	public List<PhaseChange> history(int limit) {
		return dsl.select(CutoverHistory.FROM_PHASE, CutoverHistory.TO_PHASE, CutoverHistory.TARGET_SHARE,
				CutoverHistory.CHANGED_AT, CutoverHistory.CHANGED_BY, CutoverHistory.REASON, CutoverHistory.INCIDENT_ID)
			.from(CutoverHistory.TABLE)
			.orderBy(CutoverHistory.ID.desc())
			.limit(limit)
			.fetch((r) -> new PhaseChange(Phase.valueOf(r.value1()), Phase.valueOf(r.value2()), r.value3(), r.value4(),
					r.value5(), r.value6(), r.value7()));
	}

	public void saveSample(Sample sample, String recordedBy) {
		dsl.insertInto(CutoverSample.TABLE)
			.set(CutoverSample.SIGNAL, sample.signal().key())
			.set(CutoverSample.MEASURED_AT, sample.at())
			.set(CutoverSample.VALUE, sample.value())
			.set(CutoverSample.RECORDED_BY, recordedBy)
			.execute();
	}

	/**
	 * The samples a trigger over {@code signal} must judge now: those at or after {@code from} since the
	 * last one at or below {@code threshold} (that one included, as the breach's boundary), oldest first.
	 * Bounded by the current breach, however long the phase has been armed.
	 */
	public List<Sample> breachSamples(Signal signal, double threshold, Instant from) {
		Instant lastBelow = dsl.select(DSL.max(CutoverSample.MEASURED_AT))
			.from(CutoverSample.TABLE)
			.where(CutoverSample.SIGNAL.eq(signal.key())
				.and(CutoverSample.MEASURED_AT.ge(from))
				.and(CutoverSample.VALUE.le(threshold)))
			.fetchOne()
			.value1();
		Instant start = lastBelow != null ? lastBelow : from;
		return dsl.select(CutoverSample.MEASURED_AT, CutoverSample.VALUE)
			.from(CutoverSample.TABLE)
			.where(CutoverSample.SIGNAL.eq(signal.key()).and(CutoverSample.MEASURED_AT.ge(start)))
			.orderBy(CutoverSample.MEASURED_AT, CutoverSample.ID)
			.fetch((r) -> new Sample(signal, r.value1(), r.value2()));
	}

	/** The newest sample of each signal, if any. */
	public Optional<Sample> latest(Signal signal) {
		return dsl.select(CutoverSample.MEASURED_AT, CutoverSample.VALUE)
			.from(CutoverSample.TABLE)
			.where(CutoverSample.SIGNAL.eq(signal.key()))
			// the constant signal leads so that H2 reads its (signal_name, measured_at) index in order
			.orderBy(CutoverSample.SIGNAL.desc(), CutoverSample.MEASURED_AT.desc(), CutoverSample.ID.desc())
			.limit(1)
			.fetchOptional((r) -> new Sample(signal, r.value1(), r.value2()));
	}

	public void checkpointTaken(long incidentId, Long executionId, String note) {
		dsl.update(CutoverIncident.TABLE)
			.set(CutoverIncident.CHECKPOINT_EXECUTION_ID, executionId)
			.set(CutoverIncident.CHECKPOINT_NOTE, note)
			.where(CutoverIncident.ID.eq(incidentId))
			.execute();
	}

	public void webhookSent(long incidentId, String status) {
		dsl.update(CutoverIncident.TABLE)
			.set(CutoverIncident.WEBHOOK_STATUS, status)
			.where(CutoverIncident.ID.eq(incidentId))
			.execute();
	}

	public Optional<Incident> incident(long id) {
		return incidents(CutoverIncident.ID.eq(id), 1).stream().findFirst();
	}

	/** The latest incidents, newest first. */
	public List<Incident> incidents(int limit) {
		return incidents(DSL.noCondition(), limit);
	}

	private List<Incident> incidents(org.jooq.Condition condition, int limit) {
		return dsl.select(CutoverIncident.ID, CutoverIncident.TRIGGER, CutoverIncident.FIRED_AT,
				CutoverIncident.PHASE_BEFORE, CutoverIncident.ACTOR, CutoverIncident.DETAIL, CutoverIncident.MEASURED_JSON,
				CutoverIncident.CHECKPOINT_EXECUTION_ID, CutoverIncident.CHECKPOINT_NOTE, CutoverIncident.WEBHOOK_STATUS)
			.from(CutoverIncident.TABLE)
			.where(condition)
			.orderBy(CutoverIncident.ID.desc())
			.limit(limit)
			.fetch((r) -> new Incident(r.value1(), r.value2(), r.value3(), Phase.valueOf(r.value4()), r.value5(),
					r.value6(), r.value7(), r.value8(), r.value9(), r.value10()));
	}

}
