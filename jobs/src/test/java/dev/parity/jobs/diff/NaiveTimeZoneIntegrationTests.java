package dev.parity.jobs.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parity.core.config.ConnectionSettings;
import dev.parity.core.config.TableMapping;
import dev.parity.core.connect.DatabaseConnector;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;
import dev.parity.core.repository.Finding;
import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;

/**
 * A legacy MariaDB that keeps local time (Europe/Berlin) in naive {@code DATETIME} columns, migrated to
 * PostgreSQL {@code timestamptz}: with the source's {@code time-zone} set, its wall-clock times compare
 * as the instants they are (summer and winter time, the autumn overlap read as its earlier instant, a
 * spring-gap time moved forward by the gap); without it they are taken as UTC and every row differs.
 */
@RequiresDatabase({ TestDatabases.MARIADB, TestDatabases.POSTGRES })
@org.junit.jupiter.api.extension.ExtendWith(dev.parity.core.testsupport.ServerTimeZones.class)
class NaiveTimeZoneIntegrationTests {

	@Test
	void naiveLocalTimesCompareAsInstantsInTheSourcesTimeZone() {
		try (TestSchema sourceSchema = TestDatabases.MARIADB.freshSchema();
				TestSchema targetSchema = TestDatabases.POSTGRES.freshSchema()) {
			// given: Berlin wall-clock times on the source, the instants they are on the target
			sourceSchema.execute("CREATE TABLE events (id INT PRIMARY KEY, at DATETIME(6))",
					"INSERT INTO events VALUES (1, '2026-07-01 12:00:00'), (2, '2026-01-15 12:00:00.5'),"
							+ " (3, '2026-10-25 02:30:00'), (4, '2026-03-29 02:30:00')");
			targetSchema.execute("CREATE TABLE events (id INT PRIMARY KEY, at TIMESTAMPTZ(6))",
					"INSERT INTO events VALUES (1, '2026-07-01 10:00:00+00'), (2, '2026-01-15 11:00:00.5+00'),"
							+ " (3, '2026-10-25 00:30:00+00'), (4, '2026-03-29 01:30:00+00')");
			TableMapping events = new TableMapping("events", "events", "events", List.of("id"), null, false, null, null);
			ConnectionSettings plain = sourceSchema.settings();
			ConnectionSettings berlin = plain.withTimeZone(ZoneId.of("Europe/Berlin"));
			try (SourceDatabase source = DatabaseConnector.source(berlin);
					TargetDatabase target = DatabaseConnector.target(targetSchema.settings())) {
				// when the source's time-zone is set: equal
				assertThat(DiffHarness.diff(source, target, events).findings()).isEmpty();

				// and one instant an hour off is one mismatch, both values as instants
				targetSchema.execute("UPDATE events SET at = '2026-07-01 11:00:00+00' WHERE id = 1");
				assertThat(DiffHarness.diff(source, target, events).findings()).singleElement().satisfies((f) -> {
					assertThat(f.sourceValue()).isEqualTo("2026-07-01 10:00:00.000000Z");
					assertThat(f.targetValue()).isEqualTo("2026-07-01 11:00:00.000000Z");
				});
			}
			// without it, the wall-clock times are taken as UTC: every row differs
			try (SourceDatabase source = DatabaseConnector.source(plain);
					TargetDatabase target = DatabaseConnector.target(targetSchema.settings())) {
				assertThat(DiffHarness.diff(source, target, events).findings()).extracting(Finding::column).hasSize(4);
			}
		}
	}

}
