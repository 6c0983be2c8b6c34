package dev.parity.core.repository;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import dev.parity.core.repository.ControlTables.Disc;
import dev.parity.core.repository.ControlTables.Observation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The discrepancy repository in the control database.
 *
 * <p>A discrepancy is one (table, key, type, column). {@link #record} inserts it or, when it exists,
 * updates its values, {@code lastSeen} and last run (reopening it unless it was accepted) and adds one
 * observation per run to its history. Calls are idempotent per run, so a chunk replayed after a
 * failure never duplicates anything; the unique constraints on {@code ident} and (discrepancy, run)
 * back that up. {@link #recordAll} writes many at once: discrepancies update-then-insert (one writer
 * owns a given key at a time: partitions never share keys), observations update, then insert with
 * jOOQ's portable on-conflict-do-nothing. Callers provide the transaction (the chunk's).
 */
public class DiscrepancyRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> REOPENABLE = List.of(DiscrepancyStatus.RESOLVED.name(),
			DiscrepancyStatus.SELF_HEALED.name(), DiscrepancyStatus.FAILED.name());

	// Explicit columns: records are then read by these fields, whatever case the engine reports.
	private static final List<org.jooq.Field<?>> COLUMNS = List.of(Disc.ID, Disc.TABLE_NAME, Disc.KEY_JSON, Disc.TYPE,
			Disc.COLUMN_NAME, Disc.SOURCE_VALUE, Disc.TARGET_VALUE, Disc.STATUS, Disc.CRITICAL, Disc.FIRST_SEEN,
			Disc.LAST_SEEN, Disc.DETAIL);

	private final DSLContext dsl;

	public DiscrepancyRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** Stores what {@code runId} saw and returns the discrepancy's id. */
	public long record(long runId, Finding finding, Instant seenAt) {
		return recordAll(runId, List.of(finding), seenAt).get(0);
	}

	/**
	 * Stores what {@code runId} saw, as {@link #record} does one finding, for many at once: a few
	 * statements per call (prepared batches, lookups by {@code ident = ANY}), not five per finding
	 * — a diff confirming 100,000 discrepancies spent most of its time rendering and sending those.
	 * @return the discrepancies' ids, in the order of {@code findings}
	 */
	public List<Long> recordAll(long runId, List<Finding> findings, Instant seenAt) {
		if (findings.isEmpty()) {
			return List.of();
		}
		List<String> idents = new ArrayList<>(findings.size());
		List<String> keys = new ArrayList<>(findings.size());
		for (Finding finding : findings) {
			String keyJson = finding.key() == null ? null : JSON.writeValueAsString(finding.key());
			keys.add(keyJson);
			idents.add(ident(finding.table(), keyJson, finding.type(), finding.column()));
		}
		Map<String, Long> ids = idsByIdent(idents);
		org.jooq.BatchBindStep updates = dsl.batch(dsl.update(Disc.TABLE)
			.set(Disc.SOURCE_VALUE, (String) null)
			.set(Disc.TARGET_VALUE, (String) null)
			.set(Disc.CRITICAL, (Boolean) null)
			.set(Disc.DETAIL, (String) null)
			.set(Disc.LAST_SEEN, (Instant) null)
			.set(Disc.LAST_RUN_ID, (Long) null)
			.set(Disc.STATUS, when(Disc.STATUS.in(REOPENABLE.stream().map(DSL::inline).toList()),
					inline(DiscrepancyStatus.OPEN.name())).otherwise(Disc.STATUS))
			.where(Disc.ID.eq((Long) null)));
		org.jooq.BatchBindStep inserts = dsl.batch(dsl.insertInto(Disc.TABLE, Disc.IDENT, Disc.TABLE_NAME, Disc.KEY_JSON,
				Disc.TYPE, Disc.COLUMN_NAME, Disc.SOURCE_VALUE, Disc.TARGET_VALUE, Disc.STATUS, Disc.CRITICAL, Disc.DETAIL,
				Disc.FIRST_SEEN, Disc.LAST_SEEN, Disc.FIRST_RUN_ID, Disc.LAST_RUN_ID)
			.values((String) null, null, null, null, null, null, null, null, null, null, null, null, null, null));
		// A discrepancy found twice in one call ends as the later sighting left it, as one by one.
		Map<String, Integer> last = new java.util.LinkedHashMap<>();
		for (int i = 0; i < findings.size(); i++) {
			last.put(idents.get(i), i);
		}
		boolean update = false;
		boolean insert = false;
		for (Map.Entry<String, Integer> e : last.entrySet()) {
			Finding f = findings.get(e.getValue());
			Long id = ids.get(e.getKey());
			if (id != null) {
				updates = updates.bind(f.sourceValue(), f.targetValue(), f.critical(), f.detail(), seenAt, runId, id);
				update = true;
			}
			else {
				inserts = inserts.bind(e.getKey(), f.table(), keys.get(e.getValue()), f.type().name(), f.column(),
						f.sourceValue(), f.targetValue(), DiscrepancyStatus.OPEN.name(), f.critical(), f.detail(), seenAt,
						seenAt, runId, runId);
				insert = true;
			}
		}
		if (update) {
			updates.execute();
		}
		if (insert) {
			inserts.execute();
			ids = idsByIdent(idents);
		}
		List<Long> result = new ArrayList<>(findings.size());
		for (String ident : idents) {
			result.add(ids.get(ident));
		}
		observe(runId, findings, result, seenAt);
		return result;
	}

	// One observation per discrepancy and run; a discrepancy seen twice in a run keeps the last sighting.
	// Two prepared batches, each row found by the unique (discrepancy, run) index: update the run's
	// observations that exist, insert the others (a conflict is one just updated). No lookup first: an
	// IN list with the run made H2 scan all of the run's observations per chunk through its run index.
	private void observe(long runId, List<Finding> findings, List<Long> ids, Instant seenAt) {
		Map<Long, Finding> last = new java.util.LinkedHashMap<>();
		for (int i = 0; i < findings.size(); i++) {
			last.put(ids.get(i), findings.get(i));
		}
		org.jooq.BatchBindStep updates = dsl.batch(dsl.update(Observation.TABLE)
			.set(Observation.OBSERVED_AT, (Instant) null)
			.set(Observation.SOURCE_VALUE, (String) null)
			.set(Observation.TARGET_VALUE, (String) null)
			.where(Observation.DISCREPANCY_ID.eq((Long) null).and(Observation.RUN_ID.eq((Long) null))));
		org.jooq.BatchBindStep inserts = dsl.batch(dsl.insertInto(Observation.TABLE, Observation.DISCREPANCY_ID,
				Observation.RUN_ID, Observation.OBSERVED_AT, Observation.SOURCE_VALUE, Observation.TARGET_VALUE)
			.values((Long) null, null, null, null, null)
			.onConflict(Observation.DISCREPANCY_ID, Observation.RUN_ID)
			.doNothing());
		for (Map.Entry<Long, Finding> e : last.entrySet()) {
			Finding f = e.getValue();
			updates = updates.bind(seenAt, f.sourceValue(), f.targetValue(), e.getKey(), runId);
			inserts = inserts.bind(e.getKey(), runId, seenAt, f.sourceValue(), f.targetValue());
		}
		updates.execute();
		inserts.execute();
	}

	private Map<String, Long> idsByIdent(List<String> idents) {
		Map<String, Long> ids = new java.util.HashMap<>();
		for (List<String> slice : slices(idents.stream().distinct().toList())) {
			// = ANY of one array: PostgreSQL compares it with the CHAR column through the unique index (an IN
			// list of varchar binds made it cast the column and scan)
			dsl.select(Disc.IDENT, Disc.ID)
				.from(Disc.TABLE)
				.where(Disc.IDENT.eq(DSL.any(slice.toArray(String[]::new))))
				.fetch()
				.forEach((r) -> ids.put(r.value1(), r.value2()));
		}
		return ids;
	}

	// Consecutive slices of at most 1,000: one statement each, one array bound.
	private static <T> List<List<T>> slices(List<T> all) {
		List<List<T>> slices = new ArrayList<>();
		for (int from = 0; from < all.size(); from += 1000) {
			slices.add(all.subList(from, Math.min(all.size(), from + 1000)));
		}
		return slices;
	}

	/**
	 * Marks {@code RESOLVED} the open discrepancies of {@code types} on {@code table} that run
	 * {@code runId} checked and did not see again.
	 * @return how many were resolved
	 */
	public int resolveUnseen(String table, Collection<DiscrepancyType> types, long runId, String actor, Instant at) {
		return dsl.update(Disc.TABLE)
			.set(Disc.STATUS, DiscrepancyStatus.RESOLVED.name())
			.set(Disc.STATUS_CHANGED_AT, at)
			.set(Disc.STATUS_CHANGED_BY, actor)
			.set(Disc.STATUS_REASON, "not seen by run " + runId)
			.where(Disc.TABLE_NAME.eq(table))
			.and(Disc.TYPE.in(types.stream().map(Enum::name).toList()))
			.and(Disc.STATUS.eq(DiscrepancyStatus.OPEN.name()))
			.and(Disc.LAST_RUN_ID.isNull().or(Disc.LAST_RUN_ID.ne(runId)))
			.execute();
	}

	/** {@link #resolveUnseen(String, Collection, long, String, Instant)} for many tables at once (one statement per thousand). */
	public int resolveUnseen(Collection<String> tables, Collection<DiscrepancyType> types, long runId, String actor,
			Instant at) {
		int resolved = 0;
		for (List<String> slice : slices(List.copyOf(tables))) {
			resolved += dsl.update(Disc.TABLE)
				.set(Disc.STATUS, DiscrepancyStatus.RESOLVED.name())
				.set(Disc.STATUS_CHANGED_AT, at)
				.set(Disc.STATUS_CHANGED_BY, actor)
				.set(Disc.STATUS_REASON, "not seen by run " + runId)
				.where(Disc.TABLE_NAME.in(slice))
				.and(Disc.TYPE.in(types.stream().map(Enum::name).toList()))
				.and(Disc.STATUS.eq(DiscrepancyStatus.OPEN.name()))
				.and(Disc.LAST_RUN_ID.isNull().or(Disc.LAST_RUN_ID.ne(runId)))
				.execute();
		}
		return resolved;
	}

	/** Those of {@code tables} with an open, not accepted discrepancy of {@code type} that {@code runId} saw. */
	public java.util.Set<String> tablesWithOpenSeenBy(long runId, Collection<String> tables, DiscrepancyType type) {
		java.util.Set<String> found = new java.util.HashSet<>();
		for (List<String> slice : slices(List.copyOf(tables))) {
			found.addAll(dsl.selectDistinct(Disc.TABLE_NAME)
				.from(Disc.TABLE)
				.where(Disc.LAST_RUN_ID.eq(runId))
				.and(Disc.TABLE_NAME.in(slice))
				.and(Disc.TYPE.eq(type.name()))
				.and(Disc.STATUS.eq(DiscrepancyStatus.OPEN.name()))
				.fetch(Disc.TABLE_NAME));
		}
		return found;
	}

	/** Discrepancies in id order; {@code status} null means all. */
	public List<Discrepancy> find(DiscrepancyStatus status) {
		Condition condition = status == null ? DSL.noCondition() : Disc.STATUS.eq(status.name());
		List<Discrepancy> found = new ArrayList<>();
		for (Record r : dsl.select(COLUMNS).from(Disc.TABLE).where(condition).orderBy(Disc.ID).fetch()) {
			found.add(map(r));
		}
		return found;
	}

	/** Open, not accepted discrepancies of {@code type} on {@code table} that {@code runId} saw. */
	public int countOpenSeenBy(long runId, String table, DiscrepancyType type) {
		return dsl.fetchCount(Disc.TABLE, Disc.LAST_RUN_ID.eq(runId)
			.and(Disc.TABLE_NAME.eq(table))
			.and(Disc.TYPE.eq(type.name()))
			.and(Disc.STATUS.eq(DiscrepancyStatus.OPEN.name())));
	}

	// A critical defect: an open discrepancy on a critical table, or any open schema conflict.
	private static Condition criticalDefect() {
		return Disc.CRITICAL.isTrue().or(Disc.TYPE.eq(DiscrepancyType.SCHEMA_CONFLICT.name()));
	}

	/** Open critical defects, oldest first, at most {@code limit}. */
	public List<Discrepancy> openCritical(int limit) {
		List<Discrepancy> found = new ArrayList<>();
		for (Record r : dsl.select(COLUMNS)
			.from(Disc.TABLE)
			.where(Disc.STATUS.eq(DiscrepancyStatus.OPEN.name()).and(criticalDefect()))
			.orderBy(Disc.ID)
			.limit(limit)
			.fetch()) {
			found.add(map(r));
		}
		return found;
	}

	public int countOpenCritical() {
		return dsl.fetchCount(Disc.TABLE, Disc.STATUS.eq(DiscrepancyStatus.OPEN.name()).and(criticalDefect()));
	}

	/** When the last critical defect stopped being open, or null if none ever closed. */
	public Instant lastCriticalClosed() {
		return dsl.select(DSL.max(Disc.STATUS_CHANGED_AT))
			.from(Disc.TABLE)
			.where(Disc.STATUS.ne(DiscrepancyStatus.OPEN.name()).and(criticalDefect()))
			.fetchOne(0, Instant.class);
	}

	/** Discrepancy counts of {@code table} by type and status. */
	public Map<String, Integer> countByTypeAndStatus(String table) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		dsl.select(Disc.TYPE, Disc.STATUS, DSL.count())
			.from(Disc.TABLE)
			.where(Disc.TABLE_NAME.eq(table))
			.groupBy(Disc.TYPE, Disc.STATUS)
			.orderBy(Disc.TYPE, Disc.STATUS)
			.fetch()
			.forEach((r) -> counts.put(r.value1() + " " + r.value2(), r.value3()));
		return counts;
	}

	/** How many discrepancies of {@code table} were open at {@code at} (first seen before, not closed by then). */
	public int openAt(String table, Instant at) {
		return dsl.fetchCount(Disc.TABLE, Disc.TABLE_NAME.eq(table)
			.and(Disc.FIRST_SEEN.le(at))
			.and(Disc.STATUS.eq(DiscrepancyStatus.OPEN.name())
				.or(Disc.STATUS_CHANGED_AT.isNull())
				.or(Disc.STATUS_CHANGED_AT.gt(at))));
	}

	/** How many discrepancies of each type {@code runId} saw on {@code table}. */
	public Map<DiscrepancyType, Integer> countSeenBy(long runId, String table) {
		Map<DiscrepancyType, Integer> counts = new LinkedHashMap<>();
		dsl.select(Disc.TYPE, DSL.count())
			.from(Disc.TABLE)
			.where(Disc.LAST_RUN_ID.eq(runId))
			.and(Disc.TABLE_NAME.eq(table))
			.groupBy(Disc.TYPE)
			.fetch()
			.forEach((r) -> counts.put(DiscrepancyType.valueOf(r.value1()), r.value2()));
		return counts;
	}

	/** Where a scan of open discrepancies in (table, key, id) order stands. */
	public record Position(String table, String keyJson, long id) {
	}

	/**
	 * Up to {@code limit} open discrepancies of {@code types} on {@code tables} after {@code after}
	 * (null: from the start), in (table, key, id) order — tables in the order of their names as Java
	 * strings, keys in the control database's order of {@code key_json} — so that the discrepancies of
	 * one key are adjacent.
	 */
	public List<Discrepancy> openAfter(Collection<String> tables, Collection<DiscrepancyType> types, Position after,
			int limit) {
		Condition open = Disc.STATUS.eq(DiscrepancyStatus.OPEN.name())
			.and(Disc.TYPE.in(types.stream().map(Enum::name).toList()))
			.and(Disc.KEY_JSON.isNotNull());
		List<Discrepancy> found = new ArrayList<>();
		// One table at a time (in Java's order of names, so that the position's table is found again),
		// and within it a range on (table_name, key_json) that the index serves: a row-value comparison
		// over all three columns made H2 scan the table's index from its first entry at every batch.
		// The order names the index's columns in full, constants included: only then does H2 read the
		// index in order and stop at the limit (ordered by key_json, id alone it read the rest of the
		// table's open discrepancies and sorted them: 235 ms a batch at 100,000, quadratic over a run).
		for (String table : new java.util.TreeSet<>(tables)) {
			if (after != null && table.compareTo(after.table()) < 0) {
				continue;
			}
			Condition condition = open.and(Disc.TABLE_NAME.eq(table));
			if (after != null && table.equals(after.table())) {
				condition = condition.and(Disc.KEY_JSON.ge(after.keyJson()))
					.and(Disc.KEY_JSON.gt(after.keyJson()).or(Disc.ID.gt(after.id())));
			}
			for (Record r : dsl.select(COLUMNS)
				.from(Disc.TABLE)
				.where(condition)
				.orderBy(Disc.STATUS, Disc.TABLE_NAME, Disc.KEY_JSON, Disc.ID)
				.limit(limit - found.size())
				.fetch()) {
				found.add(map(r));
			}
			if (found.size() >= limit) {
				break;
			}
		}
		return found;
	}

	/** The key as stored ({@code key_json}) of a discrepancy: the order of {@link #openAfter}. */
	public static String keyJson(Discrepancy discrepancy) {
		return discrepancy.key() == null ? null : JSON.writeValueAsString(discrepancy.key());
	}

	/**
	 * Sets the status of those of {@code ids} that are still {@code OPEN} (an accepted discrepancy stays
	 * accepted), with who and why; a {@code FAILED} discrepancy also keeps the reason as its
	 * {@code detail} (the discrepancy JSON shows it).
	 */
	public void setStatus(Collection<Long> ids, DiscrepancyStatus status, String actor, String reason, Instant at) {
		if (ids.isEmpty()) {
			return;
		}
		// One statement per 1,000 ids, by primary key (= ANY of an array: one bind value, one plan); an IN
		// list combined with the status condition let H2 pick the status index and scan every open row.
		for (List<Long> slice : slices(new ArrayList<>(ids))) {
			dsl.update(Disc.TABLE)
				.set(Disc.STATUS, status.name())
				.set(Disc.STATUS_CHANGED_AT, at)
				.set(Disc.STATUS_CHANGED_BY, actor)
				.set(Disc.STATUS_REASON, reason)
				.set(Disc.DETAIL, status == DiscrepancyStatus.FAILED ? DSL.val(reason) : Disc.DETAIL)
				.where(Disc.ID.eq(DSL.any(slice.toArray(Long[]::new))))
				.and(Disc.STATUS.eq(DiscrepancyStatus.OPEN.name()))
				.execute();
		}
	}

	/** Distinct keys of open discrepancies of {@code types} on {@code table}. */
	public int countOpenKeys(String table, Collection<DiscrepancyType> types) {
		return dsl.select(DSL.countDistinct(Disc.KEY_JSON))
			.from(Disc.TABLE)
			.where(Disc.TABLE_NAME.eq(table))
			.and(Disc.TYPE.in(types.stream().map(Enum::name).toList()))
			.and(Disc.STATUS.eq(DiscrepancyStatus.OPEN.name()))
			.fetchSingle(0, Integer.class);
	}

	/** Discrepancies of {@code types} on {@code tables} in one of {@code statuses}. */
	public int count(Collection<String> tables, Collection<DiscrepancyType> types, Collection<DiscrepancyStatus> statuses) {
		return dsl.fetchCount(Disc.TABLE, Disc.TABLE_NAME.in(tables)
			.and(Disc.TYPE.in(types.stream().map(Enum::name).toList()))
			.and(Disc.STATUS.in(statuses.stream().map(Enum::name).toList())));
	}

	/**
	 * One page of the discrepancies matching {@code query}, in {@code sort} order, after the cursor
	 * {@code after} (null: the first page). Keyset paging: the page is read as (sort column, id) after
	 * the cursor, so a deep page costs what the first does (indexes from V10); the total is one count.
	 * @throws IllegalArgumentException when {@code after} is not a cursor of {@code sort}
	 */
	public DiscrepancyPage page(DiscrepancyQuery query, DiscrepancyPage.Sort sort, String after, int size) {
		Condition filter = condition(query);
		Condition condition = after == null ? filter : filter.and(after(sort, after));
		List<Discrepancy> items = new ArrayList<>();
		for (Record r : dsl.select(COLUMNS)
			.from(Disc.TABLE)
			.where(condition)
			.orderBy(order(sort, query))
			.limit(size + 1)
			.fetch()) {
			items.add(map(r));
		}
		String next = null;
		if (items.size() > size) {
			items = new ArrayList<>(items.subList(0, size));
			next = sort.cursor(items.get(size - 1));
		}
		return new DiscrepancyPage(items, next, dsl.fetchCount(Disc.TABLE, filter));
	}

	private static Condition condition(DiscrepancyQuery q) {
		Condition c = DSL.noCondition();
		if (q.table() != null) {
			c = c.and(Disc.TABLE_NAME.eq(q.table()));
		}
		if (q.type() != null) {
			c = c.and(Disc.TYPE.eq(q.type().name()));
		}
		if (q.status() != null) {
			c = c.and(Disc.STATUS.eq(q.status().name()));
		}
		if (q.critical() != null) {
			c = c.and(Disc.CRITICAL.eq(q.critical()));
		}
		if (q.lastSeenFrom() != null) {
			c = c.and(Disc.LAST_SEEN.ge(q.lastSeenFrom()));
		}
		if (q.lastSeenBefore() != null) {
			c = c.and(Disc.LAST_SEEN.lt(q.lastSeenBefore()));
		}
		return c;
	}

	private static Condition after(DiscrepancyPage.Sort sort, String cursor) {
		try {
			long id = DiscrepancyPage.Sort.id(cursor);
			return switch (sort) {
				case NEWEST -> Disc.ID.lt(id);
				case OLDEST -> Disc.ID.gt(id);
				case LAST_SEEN -> DSL.row(Disc.LAST_SEEN, Disc.ID).lt(DSL.row(DSL.val(DiscrepancyPage.Sort.instant(cursor)), DSL.val(id)));
				case TABLE -> DSL.row(Disc.TABLE_NAME, Disc.ID).gt(DSL.row(DSL.val(DiscrepancyPage.Sort.value(cursor)), DSL.val(id)));
			};
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("'" + cursor + "' is not a page cursor of the " + sort + " order", ex);
		}
	}

	// By id, a filter on status, table or type leads the order with its (constant) column: H2 reads an
	// index in order and stops at the limit only when the ORDER BY names the index's columns in full —
	// ordered by id alone, a filtered page read every matching row and sorted them (scanCount 90,001
	// for a page of 101 at 100,000 discrepancies). PostgreSQL plans both the same.
	private static List<org.jooq.SortField<?>> order(DiscrepancyPage.Sort sort, DiscrepancyQuery query) {
		return switch (sort) {
			case NEWEST, OLDEST -> {
				boolean desc = sort == DiscrepancyPage.Sort.NEWEST;
				Field<String> lead = query.status() != null ? Disc.STATUS : query.table() != null ? Disc.TABLE_NAME
						: query.type() != null ? Disc.TYPE : null;
				List<org.jooq.SortField<?>> order = new ArrayList<>();
				if (lead != null) {
					order.add(desc ? lead.desc() : lead.asc());
				}
				order.add(desc ? Disc.ID.desc() : Disc.ID.asc());
				yield order;
			}
			case LAST_SEEN -> List.of(Disc.LAST_SEEN.desc(), Disc.ID.desc());
			case TABLE -> List.of(Disc.TABLE_NAME.asc(), Disc.ID.asc());
		};
	}

	/** The discrepancy {@code id}, if it exists. */
	public java.util.Optional<Discrepancy> get(long id) {
		return dsl.select(COLUMNS).from(Disc.TABLE).where(Disc.ID.eq(id)).fetchOptional().map(DiscrepancyRepository::map);
	}

	/** What one run saw of a discrepancy. */
	public record Sighting(long runId, Instant observedAt, String source, String target) {
	}

	/** Every run's sighting of discrepancy {@code id}, oldest first. */
	public List<Sighting> sightings(long id) {
		return dsl.select(Observation.RUN_ID, Observation.OBSERVED_AT, Observation.SOURCE_VALUE, Observation.TARGET_VALUE)
			.from(Observation.TABLE)
			.where(Observation.DISCREPANCY_ID.eq(id))
			.orderBy(Observation.OBSERVED_AT, Observation.RUN_ID)
			.fetch((r) -> new Sighting(r.value1(), r.value2(), r.value3(), r.value4()));
	}

	/** The last status change of a discrepancy: when, by whom, why (all null while it never changed). */
	public record StatusChange(Instant at, String by, String reason) {
	}

	public java.util.Optional<StatusChange> lastStatusChange(long id) {
		return dsl.select(Disc.STATUS_CHANGED_AT, Disc.STATUS_CHANGED_BY, Disc.STATUS_REASON)
			.from(Disc.TABLE)
			.where(Disc.ID.eq(id).and(Disc.STATUS_CHANGED_AT.isNotNull()))
			.fetchOptional((r) -> new StatusChange(r.value1(), r.value2(), r.value3()));
	}

	/**
	 * Accepts (waives) discrepancy {@code id} with a reason: {@code ACCEPTED} stays accepted when seen
	 * again. Only an {@code OPEN} or {@code FAILED} discrepancy can be accepted.
	 * @return whether it was accepted now (false: it does not exist or is in another status)
	 */
	public boolean accept(long id, String actor, String reason, Instant at) {
		return dsl.update(Disc.TABLE)
			.set(Disc.STATUS, DiscrepancyStatus.ACCEPTED.name())
			.set(Disc.STATUS_CHANGED_AT, at)
			.set(Disc.STATUS_CHANGED_BY, actor)
			.set(Disc.STATUS_REASON, reason)
			.where(Disc.ID.eq(id))
			.and(Disc.STATUS.in(DiscrepancyStatus.OPEN.name(), DiscrepancyStatus.FAILED.name()))
			.execute() == 1;
	}

	/** Open discrepancies by table and type: table → type → count. */
	public Map<String, Map<DiscrepancyType, Integer>> openByTableAndType() {
		Map<String, Map<DiscrepancyType, Integer>> counts = new LinkedHashMap<>();
		dsl.select(Disc.TABLE_NAME, Disc.TYPE, DSL.count())
			.from(Disc.TABLE)
			.where(Disc.STATUS.eq(DiscrepancyStatus.OPEN.name()))
			.groupBy(Disc.TABLE_NAME, Disc.TYPE)
			.orderBy(Disc.TABLE_NAME, Disc.TYPE)
			.fetch()
			.forEach((r) -> counts.computeIfAbsent(r.value1(), (t) -> new LinkedHashMap<>())
				.put(DiscrepancyType.valueOf(r.value2()), r.value3()));
		return counts;
	}

	/** Distinct table names that have discrepancies, sorted (for the console's filter). */
	public List<String> tables() {
		return dsl.selectDistinct(Disc.TABLE_NAME).from(Disc.TABLE).orderBy(Disc.TABLE_NAME).fetch(Disc.TABLE_NAME);
	}

	private static Discrepancy map(Record r) {
		String keyJson = r.get(Disc.KEY_JSON);
		Map<String, String> key = keyJson == null ? null
				: JSON.readValue(keyJson, new TypeReference<LinkedHashMap<String, String>>() {
				});
		return new Discrepancy(r.get(Disc.ID), r.get(Disc.TABLE_NAME), key, DiscrepancyType.valueOf(r.get(Disc.TYPE)),
				r.get(Disc.COLUMN_NAME), r.get(Disc.SOURCE_VALUE), r.get(Disc.TARGET_VALUE),
				DiscrepancyStatus.valueOf(r.get(Disc.STATUS)), r.get(Disc.CRITICAL), r.get(Disc.FIRST_SEEN),
				r.get(Disc.LAST_SEEN), r.get(Disc.DETAIL));
	}

	static String ident(String table, String keyJson, DiscrepancyType type, String column) {
		return DigestUtils.sha256Hex(table + '\u0000' + (keyJson == null ? "" : keyJson) + '\u0000' + type.name()
				+ '\u0000' + (column == null ? "" : column));
	}

}
