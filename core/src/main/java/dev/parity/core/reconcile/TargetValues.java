package dev.parity.core.reconcile;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.jooq.DataType;

/**
 * A value read from the source (by {@link dev.parity.core.connect.ValueReader}) as the target column
 * takes it, by the time model: an instant written to an instant column as the same instant; an instant
 * written to a naive column as wall-clock time in the target's {@code time-zone} (UTC by default); a
 * naive date-time written to an instant column as the instant it is in the source's {@code time-zone}.
 * Other values are left to the column type's own conversion ({@code TINYINT(1) 1} to {@code true}).
 *
 * <p>Example: source {@code 2026-10-25T00:30Z} into a naive column with target zone Europe/Berlin is
 * {@code 2026-10-25T02:30} (summer time).
 */
final class TargetValues {

	private TargetValues() {
	}

	static Object forColumn(Object value, DataType<?> column, ZoneId sourceZone, ZoneId targetZone) {
		Class<?> type = column.getType();
		return switch (value) {
			case OffsetDateTime instant when type == LocalDateTime.class ->
				instant.atZoneSameInstant(targetZone).toLocalDateTime();
			case OffsetDateTime instant when type == LocalDate.class -> instant.atZoneSameInstant(targetZone).toLocalDate();
			case OffsetDateTime instant when type == OffsetDateTime.class -> instant.withOffsetSameInstant(ZoneOffset.UTC);
			case LocalDateTime local when type == OffsetDateTime.class ->
				local.atZone(sourceZone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
			case LocalDate date when type == OffsetDateTime.class ->
				date.atStartOfDay(sourceZone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
			case LocalDate date when type == LocalDateTime.class -> date.atStartOfDay();
			case null, default -> value;
		};
	}

}
