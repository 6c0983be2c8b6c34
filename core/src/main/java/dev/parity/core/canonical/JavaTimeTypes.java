package dev.parity.core.canonical;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.impl.SQLDataType;

/**
 * The {@code java.time} data type of a temporal column as the catalog reports it, so that every value
 * Parity binds or reads for it is a {@code java.time} value (jOOQ converts a {@code LocalDateTime} bound
 * to a {@code java.sql.Timestamp} column through the JVM's default zone and the Julian/Gregorian
 * calendar). Dates become {@code LocalDate}, times {@code LocalTime}, naive date-times
 * {@code LocalDateTime}, instants stay {@code OffsetDateTime}; an instant that its engine shows as
 * wall-clock time in the session's zone (MariaDB {@code TIMESTAMP}, read and written in a UTC session)
 * becomes a {@code LocalDateTime} column seen through {@link #utcWallClock}, whose Java type is
 * {@code OffsetDateTime}, so that it compares as an instant.
 *
 * <p>Example: MariaDB {@code TIMESTAMP(6)} (jOOQ: {@code java.sql.Timestamp}) becomes
 * {@code LOCALDATETIME(6)} converted to {@code OffsetDateTime} at UTC.
 */
public final class JavaTimeTypes {

	private static final UtcWallClock UTC_WALL_CLOCK = new UtcWallClock();

	private JavaTimeTypes() {
	}

	/**
	 * @param catalog the type from jOOQ's catalog read
	 * @param precision fractional-second digits when the catalog left them unset, else null
	 * @param instantAsLocal whether the engine stores an instant here and shows it as wall-clock time
	 */
	public static DataType<?> of(DataType<?> catalog, Integer precision, boolean instantAsLocal) {
		DataType<?> type = javaTime(catalog, precision, instantAsLocal);
		return type == catalog ? type : type.nullable(catalog.nullable());
	}

	private static DataType<?> javaTime(DataType<?> catalog, Integer precision, boolean instantAsLocal) {
		DataType<?> sql = catalog.getSQLDataType() == null ? catalog : catalog.getSQLDataType();
		Class<?> type = sql.getType();
		int digits = precision != null ? precision : catalog.precisionDefined() ? catalog.precision() : 6;
		if (type == java.sql.Timestamp.class || type == LocalDateTime.class) {
			DataType<LocalDateTime> local = SQLDataType.LOCALDATETIME(digits);
			return instantAsLocal ? local.asConvertedDataType(UTC_WALL_CLOCK) : local;
		}
		if (type == java.sql.Date.class) {
			return SQLDataType.LOCALDATE;
		}
		if (type == java.sql.Time.class) {
			return SQLDataType.LOCALTIME(digits);
		}
		if (type == OffsetDateTime.class && !catalog.precisionDefined() && precision != null) {
			return SQLDataType.OFFSETDATETIME(precision);
		}
		return catalog;
	}

	/** Whether {@code type} is an instant read and written as UTC wall-clock time. */
	public static boolean utcWallClock(DataType<?> type) {
		// the only converted type Parity makes: an OffsetDateTime over a LocalDateTime column
		return type.getType() == OffsetDateTime.class && type.getFromType() == LocalDateTime.class;
	}

	/** UTC wall-clock time (what a UTC session shows) and the instant it stands for. */
	static final class UtcWallClock implements Converter<LocalDateTime, OffsetDateTime> {

		@Override
		public OffsetDateTime from(LocalDateTime local) {
			return local == null ? null : local.atOffset(ZoneOffset.UTC);
		}

		@Override
		public LocalDateTime to(OffsetDateTime instant) {
			return instant == null ? null : instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
		}

		@Override
		public Class<LocalDateTime> fromType() {
			return LocalDateTime.class;
		}

		@Override
		public Class<OffsetDateTime> toType() {
			return OffsetDateTime.class;
		}

	}

}
