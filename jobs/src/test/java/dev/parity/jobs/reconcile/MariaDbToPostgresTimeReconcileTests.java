package dev.parity.jobs.reconcile;

import java.time.Duration;
import java.util.List;

import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.parity.core.config.DiffSettings;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.ReconcileSettings;
import dev.parity.core.config.TableMapping;
import dev.parity.core.config.Thresholds;
import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.ServerTimeZones;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.jobs.JobTestApplication;

/**
 * {@link TimeModelReconcileFixture} from MariaDB to PostgreSQL; the target's trigger truncates a
 * written timestamp to whole seconds, so that fix does not round-trip.
 */
@SpringBatchTest
@SpringBootTest(classes = { JobTestApplication.class, MariaDbToPostgresTimeReconcileTests.Config.class })
@RequiresDatabase({ TestDatabases.MARIADB, TestDatabases.POSTGRES })
@org.junit.jupiter.api.extension.ExtendWith(ServerTimeZones.class)
class MariaDbToPostgresTimeReconcileTests extends TimeModelReconcileFixture {

	@TestConfiguration
	static class Config {

		@Bean
		ParityConfig parityConfig() {
			source = TestDatabases.MARIADB.freshSchema();
			target = TestDatabases.POSTGRES.freshSchema();
			return config("mariadb-to-postgres");
		}

	}

	static ParityConfig config(String name) {
		return new ParityConfig(name, source.settings(), target.settings(), dev.parity.jobs.JobTestSupport.control(name),
				Duration.ofMinutes(5), List.of(new TableMapping("moments", "moments", "moments", List.of("id"), null, true, null,
						null), new TableMapping("stamps", "stamps", "stamps", List.of("id"), null, false, null, null)),
				Thresholds.DEFAULTS, new DiffSettings(2, 400, 100, 50, 100), null, null, null, null, null,
				new ReconcileSettings(50, 100.0, null, 4));
	}

	@Override
	void plantRefusedFix() {
		source.execute("CREATE TABLE stamps (id INT PRIMARY KEY, c_at DATETIME(6))",
				"INSERT INTO stamps VALUES (1, '2026-05-05 10:00:00.123456')");
		target.execute("CREATE TABLE stamps (id INT PRIMARY KEY, c_at TIMESTAMP(6))",
				"INSERT INTO stamps VALUES (1, '2026-05-05 10:00:00')",
				"CREATE FUNCTION seconds_only() RETURNS trigger AS $$ BEGIN NEW.c_at := date_trunc('second', NEW.c_at);"
						+ " RETURN NEW; END $$ LANGUAGE plpgsql",
				"CREATE TRIGGER stamps_seconds BEFORE INSERT OR UPDATE ON stamps FOR EACH ROW EXECUTE FUNCTION seconds_only()");
	}

	@Override
	String refusalReason() {
		return "does not hold the source's value";
	}

}
