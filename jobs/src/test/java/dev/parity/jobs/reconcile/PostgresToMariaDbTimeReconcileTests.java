package dev.parity.jobs.reconcile;

import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.parity.core.config.ParityConfig;
import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.ServerTimeZones;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.jobs.JobTestApplication;

/**
 * {@link TimeModelReconcileFixture} from PostgreSQL to MariaDB; the target's {@code TIMESTAMP} cannot
 * hold an instant after 2038, so that fix fails with MariaDB's reason.
 */
@SpringBatchTest
@SpringBootTest(classes = { JobTestApplication.class, PostgresToMariaDbTimeReconcileTests.Config.class })
@RequiresDatabase({ TestDatabases.MARIADB, TestDatabases.POSTGRES })
@org.junit.jupiter.api.extension.ExtendWith(ServerTimeZones.class)
class PostgresToMariaDbTimeReconcileTests extends TimeModelReconcileFixture {

	@TestConfiguration
	static class Config {

		@Bean
		ParityConfig parityConfig() {
			source = TestDatabases.POSTGRES.freshSchema();
			target = TestDatabases.MARIADB.freshSchema();
			return MariaDbToPostgresTimeReconcileTests.config("postgres-to-mariadb");
		}

	}

	@Override
	void plantRefusedFix() {
		source.execute("CREATE TABLE stamps (id INT PRIMARY KEY, c_at TIMESTAMPTZ(6))",
				"INSERT INTO stamps VALUES (1, TIMESTAMPTZ '2040-01-01 00:00:00+00')");
		target.execute("CREATE TABLE stamps (id INT PRIMARY KEY, c_at TIMESTAMP(6) NULL)",
				"INSERT INTO stamps VALUES (1, '2030-01-01 00:00:00')");
	}

	@Override
	String refusalReason() {
		return "Incorrect datetime value";
	}

}
