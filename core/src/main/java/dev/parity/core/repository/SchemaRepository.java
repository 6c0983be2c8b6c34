package dev.parity.core.repository;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;

import dev.parity.core.repository.ControlTables.SchemaFindings;
import dev.parity.core.repository.ControlTables.TableState;
import dev.parity.core.schema.SchemaFinding;
import dev.parity.core.schema.TableDefinition;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schema snapshots, schema findings, and the paused state of table pairs.
 */
public class SchemaRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DSLContext dsl;

	public SchemaRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** Both definitions of a table as one check saw them. */
	public record SchemaSnapshot(long runId, TableDefinition source, TableDefinition target, Instant takenAt) {
	}

	/** The latest snapshot of {@code table} from a run other than {@code exceptRunId}. */
	public Optional<SchemaSnapshot> latest(String table, long exceptRunId) {
		return dsl.select(ControlTables.Snapshot.RUN_ID, ControlTables.Snapshot.SOURCE_JSON,
				ControlTables.Snapshot.TARGET_JSON, ControlTables.Snapshot.TAKEN_AT)
			.from(ControlTables.Snapshot.TABLE)
			.where(ControlTables.Snapshot.TABLE_NAME.eq(table).and(ControlTables.Snapshot.RUN_ID.ne(exceptRunId)))
			.orderBy(ControlTables.Snapshot.ID.desc())
			.limit(1)
			.fetchOptional((r) -> new SchemaSnapshot(r.value1(), definition(r.value2()), definition(r.value3()), r.value4()));
	}

	/**
	 * The latest snapshot of each of {@code tables} from a run other than {@code exceptRunId}, by table
	 * (tables never checked are absent): one query per thousand tables.
	 */
	public java.util.Map<String, SchemaSnapshot> latest(java.util.Collection<String> tables, long exceptRunId) {
		java.util.Map<String, SchemaSnapshot> latest = new java.util.HashMap<>();
		for (List<String> slice : slices(List.copyOf(tables))) {
			var newest = dsl.select(org.jooq.impl.DSL.max(ControlTables.Snapshot.ID))
				.from(ControlTables.Snapshot.TABLE)
				.where(ControlTables.Snapshot.TABLE_NAME.in(slice).and(ControlTables.Snapshot.RUN_ID.ne(exceptRunId)))
				.groupBy(ControlTables.Snapshot.TABLE_NAME);
			dsl.select(ControlTables.Snapshot.TABLE_NAME, ControlTables.Snapshot.RUN_ID, ControlTables.Snapshot.SOURCE_JSON,
					ControlTables.Snapshot.TARGET_JSON, ControlTables.Snapshot.TAKEN_AT)
				.from(ControlTables.Snapshot.TABLE)
				.where(ControlTables.Snapshot.ID.in(newest))
				.fetch()
				.forEach((r) -> latest.put(r.value1(), new SchemaSnapshot(r.value2(), definition(r.value3()),
						definition(r.value4()), r.value5())));
		}
		return latest;
	}

	/** One table's check in a run: both definitions (null where the table is missing) and its findings. */
	public record TableCheck(String table, TableDefinition source, TableDefinition target, List<SchemaFinding> findings) {
	}

	/**
	 * Replaces the snapshots and findings of {@code checks}' tables in {@code runId} (a restarted run may
	 * write them again): a few statements for all tables, the inserts batched.
	 */
	public void saveChecks(long runId, List<TableCheck> checks, Instant at) {
		for (List<TableCheck> slice : slices(checks)) {
			List<String> names = slice.stream().map(TableCheck::table).toList();
			dsl.deleteFrom(ControlTables.Snapshot.TABLE)
				.where(ControlTables.Snapshot.RUN_ID.eq(runId).and(ControlTables.Snapshot.TABLE_NAME.in(names)))
				.execute();
			dsl.deleteFrom(SchemaFindings.TABLE)
				.where(SchemaFindings.RUN_ID.eq(runId).and(SchemaFindings.TABLE_NAME.in(names)))
				.execute();
			List<org.jooq.Query> inserts = new java.util.ArrayList<>();
			for (TableCheck check : slice) {
				if (check.source() != null && check.target() != null) {
					inserts.add(dsl.insertInto(ControlTables.Snapshot.TABLE)
						.set(ControlTables.Snapshot.RUN_ID, runId)
						.set(ControlTables.Snapshot.TABLE_NAME, check.table())
						.set(ControlTables.Snapshot.SOURCE_JSON, JSON.writeValueAsString(check.source()))
						.set(ControlTables.Snapshot.TARGET_JSON, JSON.writeValueAsString(check.target()))
						.set(ControlTables.Snapshot.TAKEN_AT, at));
				}
				for (SchemaFinding f : check.findings()) {
					inserts.add(dsl.insertInto(SchemaFindings.TABLE)
						.set(SchemaFindings.RUN_ID, runId)
						.set(SchemaFindings.TABLE_NAME, check.table())
						.set(SchemaFindings.COLUMN_NAME, f.column())
						.set(SchemaFindings.SEVERITY, f.severity().name())
						.set(SchemaFindings.CHANGE, f.change())
						.set(SchemaFindings.SOURCE_DEFINITION, f.source())
						.set(SchemaFindings.TARGET_DEFINITION, f.target())
						.set(SchemaFindings.FOUND_AT, at));
				}
			}
			if (!inserts.isEmpty()) {
				dsl.batch(inserts).execute();
			}
		}
	}

	// Consecutive slices of at most 1,000: one statement each.
	private static <T> List<List<T>> slices(List<T> all) {
		List<List<T>> slices = new java.util.ArrayList<>();
		for (int from = 0; from < all.size(); from += 1000) {
			slices.add(all.subList(from, Math.min(all.size(), from + 1000)));
		}
		return slices;
	}

	/** Whether {@code table} has been checked before (its configuration once fitted both schemas). */
	public boolean hasHistory(String table) {
		return dsl.fetchExists(ControlTables.Snapshot.TABLE, ControlTables.Snapshot.TABLE_NAME.eq(table));
	}

	public void saveSnapshot(long runId, String table, TableDefinition source, TableDefinition target, Instant at) {
		dsl.deleteFrom(ControlTables.Snapshot.TABLE)
			.where(ControlTables.Snapshot.RUN_ID.eq(runId).and(ControlTables.Snapshot.TABLE_NAME.eq(table)))
			.execute();
		dsl.insertInto(ControlTables.Snapshot.TABLE)
			.set(ControlTables.Snapshot.RUN_ID, runId)
			.set(ControlTables.Snapshot.TABLE_NAME, table)
			.set(ControlTables.Snapshot.SOURCE_JSON, source == null ? null : JSON.writeValueAsString(source))
			.set(ControlTables.Snapshot.TARGET_JSON, target == null ? null : JSON.writeValueAsString(target))
			.set(ControlTables.Snapshot.TAKEN_AT, at)
			.execute();
	}

	/** Replaces the findings of {@code table} in {@code runId}. */
	public void saveFindings(long runId, String table, List<SchemaFinding> findings, Instant at) {
		dsl.deleteFrom(SchemaFindings.TABLE)
			.where(SchemaFindings.RUN_ID.eq(runId).and(SchemaFindings.TABLE_NAME.eq(table)))
			.execute();
		for (SchemaFinding f : findings) {
			dsl.insertInto(SchemaFindings.TABLE)
				.set(SchemaFindings.RUN_ID, runId)
				.set(SchemaFindings.TABLE_NAME, table)
				.set(SchemaFindings.COLUMN_NAME, f.column())
				.set(SchemaFindings.SEVERITY, f.severity().name())
				.set(SchemaFindings.CHANGE, f.change())
				.set(SchemaFindings.SOURCE_DEFINITION, f.source())
				.set(SchemaFindings.TARGET_DEFINITION, f.target())
				.set(SchemaFindings.FOUND_AT, at)
				.execute();
		}
	}

	public List<SchemaFinding> findings(long runId) {
		return dsl.select(SchemaFindings.TABLE_NAME, SchemaFindings.COLUMN_NAME, SchemaFindings.SEVERITY,
				SchemaFindings.CHANGE, SchemaFindings.SOURCE_DEFINITION, SchemaFindings.TARGET_DEFINITION)
			.from(SchemaFindings.TABLE)
			.where(SchemaFindings.RUN_ID.eq(runId))
			.orderBy(SchemaFindings.ID)
			.fetch((r) -> new SchemaFinding(r.value1(), r.value2(), SchemaFinding.Severity.valueOf(r.value3()), r.value4(),
					r.value5(), r.value6()));
	}

	/** Pauses {@code table}; returns false when it already was. */
	public boolean pause(String table, String reason, Instant at) {
		if (isPaused(table)) {
			return false;
		}
		int updated = dsl.update(TableState.TABLE)
			.set(TableState.PAUSED, true)
			.set(TableState.PAUSED_AT, at)
			.set(TableState.PAUSED_REASON, reason)
			.where(TableState.TABLE_NAME.eq(table))
			.execute();
		if (updated == 0) {
			dsl.insertInto(TableState.TABLE)
				.set(TableState.TABLE_NAME, table)
				.set(TableState.PAUSED, true)
				.set(TableState.PAUSED_AT, at)
				.set(TableState.PAUSED_REASON, reason)
				.execute();
		}
		return true;
	}

	/** Resumes {@code table}; returns its pause reason, or empty when it was not paused. */
	public Optional<String> resume(String table, String by, Instant at) {
		Optional<String> reason = dsl.select(TableState.PAUSED_REASON)
			.from(TableState.TABLE)
			.where(TableState.TABLE_NAME.eq(table).and(TableState.PAUSED.isTrue()))
			.fetchOptional(TableState.PAUSED_REASON);
		reason.ifPresent((r) -> dsl.update(TableState.TABLE)
			.set(TableState.PAUSED, false)
			.set(TableState.RESUMED_AT, at)
			.set(TableState.RESUMED_BY, by)
			.where(TableState.TABLE_NAME.eq(table))
			.execute());
		return reason;
	}

	public boolean isPaused(String table) {
		return dsl.fetchExists(TableState.TABLE, TableState.TABLE_NAME.eq(table).and(TableState.PAUSED.isTrue()));
	}

	public Set<String> paused() {
		return new LinkedHashSet<>(dsl.select(TableState.TABLE_NAME)
			.from(TableState.TABLE)
			.where(TableState.PAUSED.isTrue())
			.orderBy(TableState.TABLE_NAME)
			.fetch(TableState.TABLE_NAME));
	}

	private static TableDefinition definition(String json) {
		return json == null ? null : JSON.readValue(json, TableDefinition.class);
	}

}
