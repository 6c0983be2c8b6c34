package dev.parity.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.jooq.impl.SQLDataType;

import dev.parity.core.canonical.JavaTimeTypes;

/** The time model on the write path: a value read from the source as the target column takes it. */
class TargetValuesTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void instantsStayInstantsAndMeetNaiveColumnsInTheirSidesZone() {
		OffsetDateTime instant = OffsetDateTime.of(2026, 10, 25, 0, 30, 0, 123_456_000, ZoneOffset.UTC);
		// into an instant column: the same instant, in UTC
		assertThat(TargetValues.forColumn(instant.withOffsetSameInstant(ZoneOffset.ofHours(2)), SQLDataType.OFFSETDATETIME(6),
				BERLIN, NEW_YORK)).isEqualTo(instant);
		// into MariaDB TIMESTAMP (UTC wall-clock time): the same instant, bound as UTC wall-clock by the dialect
		assertThat(TargetValues.forColumn(instant, JavaTimeTypes.of(SQLDataType.TIMESTAMP(6), null, true), BERLIN,
				NEW_YORK)).isEqualTo(instant);
		// into a naive column: wall-clock time in the target's zone (summer time in New York)
		assertThat(TargetValues.forColumn(instant, SQLDataType.LOCALDATETIME(6), BERLIN, NEW_YORK))
			.isEqualTo(LocalDateTime.of(2026, 10, 24, 20, 30, 0, 123_456_000));
		// a naive source value into an instant column: the instant it is in the source's zone
		assertThat(TargetValues.forColumn(LocalDateTime.of(2026, 7, 1, 12, 0), SQLDataType.OFFSETDATETIME(6), BERLIN,
				NEW_YORK)).isEqualTo(OffsetDateTime.of(2026, 7, 1, 10, 0, 0, 0, ZoneOffset.UTC));
		// dates before 1582 and naive values between naive columns are left exactly as they are
		assertThat(TargetValues.forColumn(LocalDate.of(1582, 10, 10), SQLDataType.LOCALDATE, BERLIN, NEW_YORK))
			.isEqualTo(LocalDate.of(1582, 10, 10));
		LocalDateTime gap = LocalDateTime.of(2026, 3, 29, 2, 30);
		assertThat(TargetValues.forColumn(gap, SQLDataType.LOCALDATETIME(6), BERLIN, NEW_YORK)).isEqualTo(gap);
		assertThat(TargetValues.forColumn(null, SQLDataType.LOCALDATETIME(6), BERLIN, NEW_YORK)).isNull();
	}

}
