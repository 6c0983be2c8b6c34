package dev.parity.core.count;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.when;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Counts a table in one query, split at a lag cutoff: rows whose updated column is at or after the
 * cutoff are in flight, all others (including a null updated column) are settled. Standard SQL,
 * rendered by jOOQ for each engine.
 */
public final class TableCounter {

	private TableCounter() {
	}

	/** The database's current time, taken from the source so both sides share one clock. */
	public static LocalDateTime now(DSLContext dsl) {
		return toLocal(dsl.fetchValue(DSL.select(DSL.currentLocalDateTime())));
	}

	/**
	 * @param updated the lag column, or null to count every row as settled
	 * @param cutoff rows updated at or after this are in flight (ignored without {@code updated})
	 */
	public static SideCount count(DSLContext dsl, Table<?> table, Field<?> updated, LocalDateTime cutoff) {
		if (updated == null) {
			return new SideCount(dsl.fetchCount(table), 0, null);
		}
		Field<LocalDateTime> lag = updated.coerce(SQLDataType.LOCALDATETIME);
		Record3<Integer, Integer, Object> row = dsl
			.select(DSL.count(), DSL.count(when(lag.ge(cutoff), inline(1))), max(updated).coerce(Object.class))
			.from(table)
			.fetchSingle();
		long all = row.value1();
		long inFlight = row.value2();
		return new SideCount(all - inFlight, inFlight, toLocal(row.value3()));
	}

	static LocalDateTime toLocal(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof LocalDateTime local) {
			return local;
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
		}
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toLocalDateTime();
		}
		if (value instanceof java.time.LocalDate date) {
			return date.atStartOfDay();
		}
		throw new IllegalArgumentException("not a timestamp: " + value.getClass().getSimpleName());
	}

}
