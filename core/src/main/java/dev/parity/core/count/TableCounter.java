package dev.parity.core.count;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.when;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import dev.parity.core.canonical.ColumnKind;
import dev.parity.core.connect.Database;
import dev.parity.core.connect.ValueReader;

/**
 * Counts a table in one query, split at a lag cutoff: rows whose updated column is at or after the
 * cutoff are in flight, all others (including a null updated column) are settled. Standard SQL,
 * rendered by jOOQ for each engine.
 *
 * <p>Time model: the cutoff and the newest updated value are UTC wall-clock times. Sessions are UTC, so
 * an instant column (PostgreSQL {@code timestamptz}, MariaDB {@code TIMESTAMP}) compares with the cutoff
 * as it is; a naive column holds wall-clock time in its side's {@code time-zone}, so the cutoff is
 * written in that zone and the newest value read back from it. The cutoff is an SQL literal, never a
 * bound {@code java.sql.Timestamp} (which the JVM's zone could move).
 */
public final class TableCounter {

	private TableCounter() {
	}

	/** The database's current time in UTC, taken from the source so both sides share one clock. */
	public static LocalDateTime now(Database database) {
		Object now = database.fetch(DSL.select(DSL.currentLocalDateTime()), new ValueReader[] { ValueReader.LOCAL_DATE_TIME })
			.get(0)[0];
		return (LocalDateTime) now;
	}

	/**
	 * @param updated the lag column, or null to count every row as settled
	 * @param cutoff rows updated at or after this (UTC) are in flight (ignored without {@code updated})
	 * @param zone the zone of a naive {@code updated} column's wall-clock time
	 */
	public static SideCount count(Database database, Table<?> table, Field<?> updated, LocalDateTime cutoff,
			ZoneId zone) {
		if (updated == null) {
			return new SideCount(database.dsl().fetchCount(table), 0, null);
		}
		boolean naive = ColumnKind.of(updated.getDataType()) != ColumnKind.TIMESTAMP_TZ;
		LocalDateTime edge = naive ? cutoff.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime() : cutoff;
		Field<LocalDateTime> lag = updated.coerce(SQLDataType.LOCALDATETIME);
		ValueReader newest = dev.parity.core.compare.RowQueries.reader(updated.getDataType(), true, zone);
		List<Object[]> rows = database.fetch(database.dsl()
			.select(DSL.count(), DSL.count(when(lag.ge(inline(edge, SQLDataType.LOCALDATETIME)), inline(1))), max(updated))
			.from(table), new ValueReader[] { ValueReader.DEFAULT, ValueReader.DEFAULT, newest });
		Object[] row = rows.get(0);
		long all = ((Number) row[0]).longValue();
		long inFlight = ((Number) row[1]).longValue();
		return new SideCount(all - inFlight, inFlight, toUtc(row[2]));
	}

	static LocalDateTime toUtc(Object value) {
		return switch (value) {
			case null -> null;
			case OffsetDateTime offset -> offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
			case LocalDateTime local -> local;
			case java.time.LocalDate date -> date.atStartOfDay();
			default -> throw new IllegalArgumentException("not a timestamp: " + value.getClass().getSimpleName());
		};
	}

}
