package dev.parity.core.testsupport;

import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assumptions;

import com.zaxxer.hikari.HikariDataSource;

import dev.parity.core.config.ConnectionSettings;
import dev.parity.core.connect.DatabaseConnector;

/**
 * A fresh control database with Parity's migrations applied, on {@code h2} (in memory) or
 * {@code postgresql} (a fresh schema of the test PostgreSQL; the test is skipped with the reason when
 * none is configured). Close it after the test.
 */
public final class MigratedControl implements AutoCloseable {

	private final HikariDataSource pool;

	private final TestSchema schema;

	private final DSLContext dsl;

	private MigratedControl(HikariDataSource pool, TestSchema schema, SQLDialect dialect) {
		this.pool = pool;
		this.schema = schema;
		this.dsl = DSL.using(pool, dialect);
	}

	public static MigratedControl of(String engine) {
		ConnectionSettings settings;
		SQLDialect dialect;
		TestSchema schema = null;
		if (engine.equals("h2")) {
			settings = new ConnectionSettings("jdbc:h2:mem:repo" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "", 2);
			dialect = SQLDialect.H2;
		}
		else {
			Assumptions.assumeTrue(TestDatabases.POSTGRES.unavailableReason() == null,
					TestDatabases.POSTGRES.unavailableReason());
			schema = TestDatabases.POSTGRES.freshSchema();
			settings = schema.settings();
			dialect = SQLDialect.POSTGRES;
		}
		HikariDataSource pool = DatabaseConnector.control(settings);
		Flyway.configure()
			.dataSource(pool)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + engine)
			.load()
			.migrate();
		return new MigratedControl(pool, schema, dialect);
	}

	public DSLContext dsl() {
		return dsl;
	}

	@Override
	public void close() {
		pool.close();
		if (schema != null) {
			schema.close();
		}
	}

}
