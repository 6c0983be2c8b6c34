package dev.parity.core.repository;

import java.time.Instant;

import org.jooq.DSLContext;

import dev.parity.core.repository.ControlTables.Audit;

/**
 * The audit log: who did what, when, to which table or discrepancy. Append-only. Actors are
 * {@code cli:NAME}, {@code schedule}, {@code console:NAME} (console and REST API); reconciliation
 * fixes carry their rule, trigger and rows before/after.
 */
public class AuditLog {

	private final DSLContext dsl;

	public AuditLog(DSLContext dsl) {
		this.dsl = dsl;
	}

	public void record(String actor, String action, String table, Long discrepancyId, Long runId, String detail,
			Instant at) {
		dsl.insertInto(Audit.TABLE)
			.set(Audit.OCCURRED_AT, at)
			.set(Audit.ACTOR, actor)
			.set(Audit.ACTION, action)
			.set(Audit.TABLE_NAME, table)
			.set(Audit.DISCREPANCY_ID, discrepancyId)
			.set(Audit.RUN_ID, runId)
			.set(Audit.DETAIL, detail)
			.execute();
	}

	/**
	 * One audit entry. Reconciliation fixes ({@code fixId} not null) also carry the key, rule, trigger
	 * and the target's rows before and after as JSON; for other actions those are null.
	 */
	public record Entry(long id, Instant at, String actor, String action, String table, Long discrepancyId, Long runId,
			String detail, Long fixId, String keyJson, String rule, String trigger, String before, String after) {
	}

	/**
	 * Up to {@code limit} entries, newest first, with an id below {@code beforeId} (null: from the
	 * newest); {@code fixesOnly}: only reconciliation fixes. Keyset paging on the primary key.
	 */
	public java.util.List<Entry> page(boolean fixesOnly, Long beforeId, int limit) {
		org.jooq.Condition condition = fixesOnly ? Audit.FIX_ID.isNotNull() : org.jooq.impl.DSL.noCondition();
		if (beforeId != null) {
			condition = condition.and(Audit.ID.lt(beforeId));
		}
		return select().where(condition).orderBy(Audit.ID.desc()).limit(limit).fetch(AuditLog::entry);
	}

	/** The latest {@code limit} entries of {@code action}, newest first. */
	public java.util.List<Entry> byAction(String action, int limit) {
		return select().where(Audit.ACTION.eq(action)).orderBy(Audit.ID.desc()).limit(limit).fetch(AuditLog::entry);
	}

	/** Every entry about discrepancy {@code id}, oldest first. */
	public java.util.List<Entry> forDiscrepancy(long id) {
		return select().where(Audit.DISCREPANCY_ID.eq(id)).orderBy(Audit.ID).fetch(AuditLog::entry);
	}

	private org.jooq.SelectJoinStep<org.jooq.Record> select() {
		return dsl.select(java.util.List.<org.jooq.SelectFieldOrAsterisk>of(Audit.ID, Audit.OCCURRED_AT, Audit.ACTOR,
				Audit.ACTION, Audit.TABLE_NAME, Audit.DISCREPANCY_ID, Audit.RUN_ID, Audit.DETAIL, Audit.FIX_ID,
				Audit.KEY_JSON, Audit.RULE, Audit.TRIGGER, Audit.BEFORE, Audit.AFTER))
			.from(Audit.TABLE);
	}

	private static Entry entry(org.jooq.Record r) {
		return new Entry(r.get(Audit.ID), r.get(Audit.OCCURRED_AT), r.get(Audit.ACTOR), r.get(Audit.ACTION),
				r.get(Audit.TABLE_NAME), r.get(Audit.DISCREPANCY_ID), r.get(Audit.RUN_ID), r.get(Audit.DETAIL),
				r.get(Audit.FIX_ID), r.get(Audit.KEY_JSON), r.get(Audit.RULE), r.get(Audit.TRIGGER), r.get(Audit.BEFORE),
				r.get(Audit.AFTER));
	}

	/** How many audit entries of each action concern {@code table}. */
	public java.util.Map<String, Integer> countByAction(String table) {
		java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
		dsl.select(Audit.ACTION, org.jooq.impl.DSL.count())
			.from(Audit.TABLE)
			.where(Audit.TABLE_NAME.eq(table))
			.groupBy(Audit.ACTION)
			.orderBy(Audit.ACTION)
			.fetch()
			.forEach((r) -> counts.put(r.value1(), r.value2()));
		return counts;
	}

}
