package dev.parity.core.repository;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import dev.parity.core.repository.ControlTables.Audit;
import dev.parity.core.repository.ControlTables.Fix;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reconciliation journal ({@code parity_fix}) and its audit rows ({@code parity_audit}).
 *
 * <p>Order of a change, each step its own control transaction (callers provide them): {@link #begin}
 * records the intent (rows before, rows expected after; the SQL text in a dry run) before the target
 * is touched;
 * {@link #confirm} marks it {@code CONFIRMED} and writes exactly one audit row per change after the
 * target commit (a unique index on {@code parity_audit.fix_id} makes a second impossible). An
 * {@code INTENT} left behind by a crash is found by {@link #pending} and settled by {@link #settle}.
 */
public class FixJournal {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DSLContext dsl;

	public FixJournal(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** A change whose intent was recorded but never confirmed or failed. */
	public record PendingFix(long id, long runId, String table, String keyJson, List<Long> discrepancyIds,
			String before, String after) {
	}

	/** Journal counts of one run and table: status and action to count. */
	public record FixCount(String table, FixStatus status, String action, int count) {
	}

	/** Records the entries of one chunk, {@code chunkRef} + position (index in {@code entries}) naming each. */
	public void begin(long runId, String chunkRef, List<FixEntry> entries, String trigger, Instant at) {
		if (entries.isEmpty()) {
			return;
		}
		BatchBindStep batch = dsl.batch(dsl.insertInto(Fix.TABLE, Fix.RUN_ID, Fix.CHUNK_REF, Fix.POSITION, Fix.TABLE_NAME,
				Fix.KEY_JSON, Fix.DISCREPANCY_ID, Fix.DISCREPANCY_IDS, Fix.ACTION, Fix.RULE, Fix.STATUS, Fix.BEFORE,
				Fix.AFTER, Fix.SQL, Fix.REASON, Fix.TRIGGER, Fix.CREATED_AT, Fix.FINISHED_AT)
			.values((Long) null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
					null));
		for (int i = 0; i < entries.size(); i++) {
			FixEntry e = entries.get(i);
			batch = batch.bind(runId, chunkRef, i, e.table(), JSON.writeValueAsString(e.key()), e.discrepancyIds().get(0),
					e.discrepancyIds().stream().map(String::valueOf).collect(Collectors.joining(",")), e.action(), e.rule(),
					e.status().name(), e.before(), e.after(), e.sql(), e.reason(), trigger, at,
					e.status() == FixStatus.INTENT ? null : at);
		}
		batch.execute();
	}

	/**
	 * Confirms every intent of a chunk still {@code INTENT} — the fixes the target applied; mark the
	 * refused ones {@link #fail failed} first — and writes their audit rows.
	 */
	public void confirm(String chunkRef, Instant at) {
		// One statement over the chunk (the unique index on chunk_ref, position serves it).
		dsl.update(Fix.TABLE)
			.set(Fix.STATUS, FixStatus.CONFIRMED.name())
			.set(Fix.FINISHED_AT, at)
			.where(Fix.CHUNK_REF.eq(chunkRef).and(Fix.STATUS.eq(FixStatus.INTENT.name())))
			.execute();
		audit(Fix.CHUNK_REF.eq(chunkRef).and(Fix.STATUS.eq(FixStatus.CONFIRMED.name())));
	}

	/** Marks one intent of a chunk {@code FAILED} with the target's reason and the SQL it refused. */
	public void fail(String chunkRef, int position, String reason, String sql, Instant at) {
		dsl.update(Fix.TABLE)
			.set(Fix.STATUS, FixStatus.FAILED.name())
			.set(Fix.REASON, reason)
			.set(Fix.SQL, sql)
			.set(Fix.FINISHED_AT, at)
			.where(Fix.CHUNK_REF.eq(chunkRef).and(Fix.POSITION.eq(position)).and(Fix.STATUS.eq(FixStatus.INTENT.name())))
			.execute();
	}

	/** Intents never confirmed nor failed (a run crashed between intent and confirmation), oldest first. */
	public List<PendingFix> pending() {
		return dsl.select(Fix.ID, Fix.RUN_ID, Fix.TABLE_NAME, Fix.KEY_JSON, Fix.DISCREPANCY_IDS, Fix.BEFORE, Fix.AFTER)
			.from(Fix.TABLE)
			.where(Fix.STATUS.eq(FixStatus.INTENT.name()))
			.orderBy(Fix.ID)
			.fetch((r) -> new PendingFix(r.value1(), r.value2(), r.value3(), r.value4(),
					java.util.Arrays.stream(r.value5().split(",")).map(Long::valueOf).toList(), r.value6(), r.value7()));
	}

	/**
	 * Settles a pending intent: {@code applied} → {@code CONFIRMED} with its audit row (the target
	 * holds the rows expected after); otherwise {@code ABANDONED} with {@code reason}.
	 */
	public void settle(long fixId, boolean applied, String reason, Instant at) {
		dsl.update(Fix.TABLE)
			.set(Fix.STATUS, (applied ? FixStatus.CONFIRMED : FixStatus.ABANDONED).name())
			.set(Fix.REASON, reason)
			.set(Fix.FINISHED_AT, at)
			.where(Fix.ID.eq(fixId).and(Fix.STATUS.eq(FixStatus.INTENT.name())))
			.execute();
		if (applied) {
			audit(Fix.ID.eq(fixId));
		}
	}

	/** Counts of a run's decisions by table, status and action. */
	public List<FixCount> counts(long runId) {
		return dsl.select(Fix.TABLE_NAME, Fix.STATUS, Fix.ACTION, DSL.count())
			.from(Fix.TABLE)
			.where(Fix.RUN_ID.eq(runId))
			.groupBy(Fix.TABLE_NAME, Fix.STATUS, Fix.ACTION)
			.orderBy(Fix.TABLE_NAME, Fix.STATUS, Fix.ACTION)
			.fetch((r) -> new FixCount(r.value1(), FixStatus.valueOf(r.value2()), r.value3(), r.value4()));
	}

	// One audit row per confirmed change not yet audited, in one statement.
	private void audit(org.jooq.Condition fixes) {
		Field<String> action = DSL.inline("reconcile-").concat(DSL.lower(Fix.ACTION));
		dsl.insertInto(Audit.TABLE, Audit.OCCURRED_AT, Audit.ACTOR, Audit.ACTION, Audit.TABLE_NAME, Audit.DISCREPANCY_ID,
				Audit.RUN_ID, Audit.DETAIL, Audit.FIX_ID, Audit.KEY_JSON, Audit.RULE, Audit.TRIGGER, Audit.BEFORE, Audit.AFTER)
			.select(dsl.select(Fix.FINISHED_AT, Fix.TRIGGER, action, Fix.TABLE_NAME, Fix.DISCREPANCY_ID, Fix.RUN_ID,
					DSL.inline("discrepancies ").concat(Fix.DISCREPANCY_IDS), Fix.ID, Fix.KEY_JSON, Fix.RULE, Fix.TRIGGER,
					Fix.BEFORE, Fix.AFTER)
				.from(Fix.TABLE)
				.where(fixes)
				.andNotExists(dsl.selectOne().from(Audit.TABLE).where(Audit.FIX_ID.eq(Fix.ID))))
			.execute();
	}

}
