package dev.parity.core.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import dev.parity.core.repository.ControlTables.Audit;
import dev.parity.core.repository.ControlTables.Fix;
import dev.parity.core.repository.ControlTables.FixIntent;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reconciliation journal: a chunk's outstanding intent ({@code parity_fix_intent}), every decision
 * ({@code parity_fix}) and the audit row of every change ({@code parity_audit}).
 *
 * <p>Order of a chunk, each step its own control transaction (callers provide them):
 * {@link #begin} records the decisions that change nothing at once and the changes as one intent
 * document (key, rows before, rows expected after) before the target is touched; after the target
 * commit, {@link #confirm} deletes the document and writes each change's journal row, {@code CONFIRMED}
 * with exactly one audit row (a unique index on {@code parity_audit.fix_id} makes a second impossible)
 * or {@code FAILED} with the target's reason. The happy path thus writes one control row per chunk
 * before the target commit and never updates a journal row. A document left behind by a crash is found
 * by {@link #pending} and its changes settled by {@link #settle}, then dropped by {@link #settled}.
 */
public class FixJournal {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<IntentChange>> CHANGES = new TypeReference<>() {
	};

	private final DSLContext dsl;

	public FixJournal(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * A change whose intent was recorded but never confirmed or failed: {@code chunkRef} and
	 * {@code position} name it; {@code legacyId} is set for an intent journalled as a {@code parity_fix}
	 * row by a version before intent documents.
	 */
	public record PendingFix(String chunkRef, int position, Long legacyId, long runId, String trigger, String table,
			String keyJson, List<Long> discrepancyIds, String action, String rule, String before, String after) {
	}

	/** Journal counts of one run and table: status and action to count. */
	public record FixCount(String table, FixStatus status, String action, int count) {
	}

	/** A change as its intent document holds it. */
	record IntentChange(int position, String table, Map<String, String> key, List<Long> discrepancyIds, String action,
			String rule, String before, String after) {
	}

	/**
	 * Records the entries of one chunk, {@code chunkRef} + position (index in {@code entries}) naming
	 * each: the changes ({@link FixStatus#INTENT}) as one intent document, the others as final journal
	 * rows.
	 */
	public void begin(long runId, String chunkRef, List<FixEntry> entries, String trigger, Instant at) {
		List<IntentChange> changes = new ArrayList<>();
		List<Integer> finals = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			FixEntry e = entries.get(i);
			if (e.status() == FixStatus.INTENT) {
				changes.add(new IntentChange(i, e.table(), e.key(), e.discrepancyIds(), e.action(), e.rule(), e.before(),
						e.after()));
			}
			else {
				finals.add(i);
			}
		}
		if (!changes.isEmpty()) {
			dsl.insertInto(FixIntent.TABLE, FixIntent.CHUNK_REF, FixIntent.RUN_ID, FixIntent.TRIGGER, FixIntent.CREATED_AT,
					FixIntent.CHANGES)
				.values(chunkRef, runId, trigger, at, JSON.writeValueAsString(changes))
				.execute();
		}
		insert(runId, chunkRef, entries, finals, null, null, trigger, at);
	}

	/**
	 * Settles a chunk's intent after the target transaction: the document is deleted and every change
	 * journalled, {@code CONFIRMED} with its audit row, or {@code FAILED} where {@code failures} (by
	 * position) holds the target's reason and the SQL it refused.
	 * @param entries the chunk's entries as given to {@link #begin}
	 * @throws IllegalStateException the intent is not outstanding (settled elsewhere)
	 */
	public void confirm(long runId, String chunkRef, List<FixEntry> entries, Map<Integer, Failure> failures,
			String trigger, Instant at) {
		if (dsl.deleteFrom(FixIntent.TABLE).where(FixIntent.CHUNK_REF.eq(chunkRef)).execute() != 1) {
			throw new IllegalStateException("reconcile chunk " + chunkRef + " has no outstanding intent to confirm");
		}
		List<Integer> changes = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			if (entries.get(i).status() == FixStatus.INTENT) {
				changes.add(i);
			}
		}
		insert(runId, chunkRef, entries, changes, failures, FixStatus.CONFIRMED, trigger, at);
		audit(Fix.CHUNK_REF.eq(chunkRef).and(Fix.STATUS.eq(FixStatus.CONFIRMED.name())));
		if (failures != null && !failures.isEmpty()) {
			auditFailures(Fix.CHUNK_REF.eq(chunkRef).and(Fix.STATUS.eq(FixStatus.FAILED.name())));
		}
	}

	// One audit row ("fix-failed", the reason as its detail) per refused change: nothing was changed.
	private void auditFailures(Condition fixes) {
		dsl.insertInto(Audit.TABLE, Audit.OCCURRED_AT, Audit.ACTOR, Audit.ACTION, Audit.TABLE_NAME, Audit.DISCREPANCY_ID,
				Audit.RUN_ID, Audit.DETAIL, Audit.FIX_ID, Audit.KEY_JSON, Audit.RULE, Audit.TRIGGER, Audit.BEFORE, Audit.AFTER)
			.select(dsl.select(Fix.FINISHED_AT, Fix.TRIGGER, DSL.inline("fix-failed"), Fix.TABLE_NAME, Fix.DISCREPANCY_ID,
					Fix.RUN_ID, DSL.inline("not applied: ").concat(Fix.REASON), Fix.ID, Fix.KEY_JSON, Fix.RULE, Fix.TRIGGER,
					Fix.BEFORE, Fix.AFTER)
				.from(Fix.TABLE)
				.where(fixes)
				.andNotExists(dsl.selectOne().from(Audit.TABLE).where(Audit.FIX_ID.eq(Fix.ID))))
			.execute();
	}

	/** A run's refused changes: table, key and the reason, at most {@code limit}, in journal order. */
	public List<FixFailure> failures(long runId, int limit) {
		return dsl.select(Fix.TABLE_NAME, Fix.KEY_JSON, Fix.REASON)
			.from(Fix.TABLE)
			.where(Fix.RUN_ID.eq(runId))
			.and(Fix.STATUS.eq(FixStatus.FAILED.name()))
			.orderBy(Fix.ID)
			.limit(limit)
			.fetch((r) -> new FixFailure(r.value1(), r.value2(), r.value3()));
	}

	/** A refused change of a run: its table, key (as stored) and why. */
	public record FixFailure(String table, String keyJson, String reason) {
	}

	/** Why the target refused a change, and the SQL it refused. */
	public record Failure(String reason, String sql) {
	}

	/** Intents never confirmed (a run crashed between intent and confirmation), oldest first. */
	public List<PendingFix> pending() {
		List<PendingFix> pending = new ArrayList<>();
		dsl.select(Fix.ID, Fix.RUN_ID, Fix.TRIGGER, Fix.TABLE_NAME, Fix.KEY_JSON, Fix.DISCREPANCY_IDS, Fix.ACTION, Fix.RULE,
				Fix.BEFORE, Fix.AFTER, Fix.CHUNK_REF, Fix.POSITION)
			.from(Fix.TABLE)
			.where(Fix.STATUS.eq(FixStatus.INTENT.name()))
			.orderBy(Fix.ID)
			.forEach((r) -> pending.add(new PendingFix(r.value11(), r.value12(), r.value1(), r.value2(), r.value3(),
					r.value4(), r.value5(), ids(r.value6()), r.value7(), r.value8(), r.value9(), r.value10())));
		dsl.select(FixIntent.CHUNK_REF, FixIntent.RUN_ID, FixIntent.TRIGGER, FixIntent.CHANGES)
			.from(FixIntent.TABLE)
			.orderBy(FixIntent.CREATED_AT, FixIntent.CHUNK_REF)
			.forEach((r) -> {
				for (IntentChange c : JSON.readValue(r.value4(), CHANGES)) {
					pending.add(new PendingFix(r.value1(), c.position(), null, r.value2(), r.value3(), c.table(),
							JSON.writeValueAsString(c.key()), c.discrepancyIds(), c.action(), c.rule(), c.before(),
							c.after()));
				}
			});
		return pending;
	}

	/**
	 * Settles a pending change: {@code applied} → {@code CONFIRMED} with its audit row (the target
	 * holds the rows expected after); otherwise {@code ABANDONED} with {@code reason}. Drop the
	 * chunk's document with {@link #settled} once all of its changes are settled.
	 */
	public void settle(PendingFix fix, boolean applied, String reason, Instant at) {
		FixStatus status = applied ? FixStatus.CONFIRMED : FixStatus.ABANDONED;
		if (fix.legacyId() != null) {
			dsl.update(Fix.TABLE)
				.set(Fix.STATUS, status.name())
				.set(Fix.REASON, reason)
				.set(Fix.FINISHED_AT, at)
				.where(Fix.ID.eq(fix.legacyId()).and(Fix.STATUS.eq(FixStatus.INTENT.name())))
				.execute();
		}
		else {
			dsl.insertInto(Fix.TABLE, Fix.RUN_ID, Fix.CHUNK_REF, Fix.POSITION, Fix.TABLE_NAME, Fix.KEY_JSON,
					Fix.DISCREPANCY_ID, Fix.DISCREPANCY_IDS, Fix.ACTION, Fix.RULE, Fix.STATUS, Fix.BEFORE, Fix.AFTER,
					Fix.REASON, Fix.TRIGGER, Fix.CREATED_AT, Fix.FINISHED_AT)
				.values(fix.runId(), fix.chunkRef(), fix.position(), fix.table(), fix.keyJson(), fix.discrepancyIds().get(0),
						joined(fix.discrepancyIds()), fix.action(), fix.rule(), status.name(), fix.before(), fix.after(),
						reason, fix.trigger(), at, at)
				.execute();
		}
		if (applied) {
			audit(fix.legacyId() != null ? Fix.ID.eq(fix.legacyId())
					: Fix.CHUNK_REF.eq(fix.chunkRef()).and(Fix.POSITION.eq(fix.position())));
		}
	}

	/** Drops the intent document of a chunk whose changes are all {@link #settle settled}. */
	public void settled(String chunkRef) {
		dsl.deleteFrom(FixIntent.TABLE).where(FixIntent.CHUNK_REF.eq(chunkRef)).execute();
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

	// Journal rows for entries at `positions`: `status` (null: each entry's own), FAILED where `failures` says so.
	private void insert(long runId, String chunkRef, List<FixEntry> entries, List<Integer> positions,
			Map<Integer, Failure> failures, FixStatus status, String trigger, Instant at) {
		if (positions.isEmpty()) {
			return;
		}
		BatchBindStep batch = dsl.batch(dsl.insertInto(Fix.TABLE, Fix.RUN_ID, Fix.CHUNK_REF, Fix.POSITION, Fix.TABLE_NAME,
				Fix.KEY_JSON, Fix.DISCREPANCY_ID, Fix.DISCREPANCY_IDS, Fix.ACTION, Fix.RULE, Fix.STATUS, Fix.BEFORE,
				Fix.AFTER, Fix.SQL, Fix.REASON, Fix.TRIGGER, Fix.CREATED_AT, Fix.FINISHED_AT)
			.values((Long) null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
					null));
		for (int i : positions) {
			FixEntry e = entries.get(i);
			Failure failure = failures == null ? null : failures.get(i);
			FixStatus s = failure != null ? FixStatus.FAILED : status != null ? status : e.status();
			batch = batch.bind(runId, chunkRef, i, e.table(), JSON.writeValueAsString(e.key()), e.discrepancyIds().get(0),
					joined(e.discrepancyIds()), e.action(), e.rule(), s.name(), e.before(), e.after(),
					failure != null ? failure.sql() : e.sql(), failure != null ? failure.reason() : e.reason(), trigger, at,
					at);
		}
		batch.execute();
	}

	private static String joined(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	private static List<Long> ids(String joined) {
		return Arrays.stream(joined.split(",")).map(Long::valueOf).toList();
	}

	// One audit row per confirmed change not yet audited, in one statement.
	private void audit(Condition fixes) {
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
