package dev.parity.core.connect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How one selected column is read from a JDBC row: the time model of every read path (the merge, the
 * by-key re-reads, checksum leaves). Temporal values are read as {@code java.time} values, never as
 * {@code java.sql.Date}/{@code Timestamp}, which follow the JVM's default zone (a date-time in its
 * spring-forward gap moves by an hour) and the Julian/Gregorian hybrid calendar (dates before
 * 1582-10-15 move by days): dates as {@link LocalDate}, times as {@link LocalTime}, naive date-times as
 * {@link LocalDateTime}, instants as {@link OffsetDateTime} in UTC. Sessions are pinned to UTC
 * ({@link dev.parity.core.dialect.ComparisonDialect#sessionInitSql}), so an instant that an engine shows
 * as wall-clock time (MariaDB {@code TIMESTAMP}) is UTC wall-clock time.
 *
 * <p>Example: MariaDB {@code TIMESTAMP '2026-10-25 00:30:00'} (UTC session) reads as
 * {@code 2026-10-25T00:30Z}; a naive {@code DATETIME '2026-10-25 02:30:00'} compared with an instant, on a
 * side whose {@code time-zone} is Europe/Berlin, reads as {@code 2026-10-25T00:30Z} (the earlier of the two
 * wall-clock readings in the autumn overlap; a time in the spring gap moves forward by the gap).
 */
@FunctionalInterface
public interface ValueReader {

	/** The driver's default object. */
	ValueReader DEFAULT = ResultSet::getObject;

	ValueReader DATE = (rows, i) -> rows.getObject(i, LocalDate.class);

	ValueReader TIME = (rows, i) -> rows.getObject(i, LocalTime.class);

	ValueReader LOCAL_DATE_TIME = (rows, i) -> rows.getObject(i, LocalDateTime.class);

	ValueReader INSTANT = (rows, i) -> utc(rows.getObject(i, OffsetDateTime.class));

	/** An instant the UTC session shows as wall-clock time (MariaDB {@code TIMESTAMP}). */
	ValueReader UTC_WALL_CLOCK = (rows, i) -> {
		LocalDateTime local = rows.getObject(i, LocalDateTime.class);
		return local == null ? null : local.atOffset(ZoneOffset.UTC);
	};

	Object read(ResultSet rows, int index) throws SQLException;

	/** A naive date-time taken as wall-clock time in {@code zone}, as an instant in UTC. */
	static ValueReader naiveIn(ZoneId zone) {
		return (rows, i) -> {
			LocalDateTime local = rows.getObject(i, LocalDateTime.class);
			return local == null ? null : utc(local.atZone(zone).toOffsetDateTime());
		};
	}

	private static OffsetDateTime utc(OffsetDateTime value) {
		return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
	}

}
