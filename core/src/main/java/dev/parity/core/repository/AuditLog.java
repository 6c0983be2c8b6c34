package dev.parity.core.repository;

import java.time.Instant;

import org.jooq.DSLContext;

import dev.parity.core.repository.ControlTables.Audit;

/** The audit log: who did what, when, to which table or discrepancy. Append-only. */
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
