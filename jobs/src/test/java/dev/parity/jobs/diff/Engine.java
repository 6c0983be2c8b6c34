package dev.parity.jobs.diff;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import dev.parity.core.config.ConnectionSettings;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;

/** The engines of the type matrix, each able to give a fresh writable schema for setup. */
enum Engine {

	MARIADB, POSTGRES, H2;

	/** A fresh schema; H2 is a file database under {@code dir}, closed after each setup statement. */
	Schema fresh(Path dir, String name) {
		return switch (this) {
			case MARIADB -> new ServerSchema(TestDatabases.MARIADB.freshSchema());
			case POSTGRES -> new ServerSchema(TestDatabases.POSTGRES.freshSchema());
			case H2 -> new H2Schema("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath());
		};
	}

	interface Schema extends AutoCloseable {

		void execute(String... statements);

		ConnectionSettings settings();

		@Override
		void close();

	}

	record ServerSchema(TestSchema schema) implements Schema {

		@Override
		public void execute(String... statements) {
			schema.execute(statements);
		}

		@Override
		public ConnectionSettings settings() {
			return schema.settings();
		}

		@Override
		public void close() {
			schema.close();
		}

	}

	record H2Schema(String url) implements Schema {

		@Override
		public void execute(String... statements) {
			try (Connection connection = DriverManager.getConnection(url, "sa", "");
					Statement statement = connection.createStatement()) {
				for (String sql : statements) {
					statement.execute(sql);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("H2 setup failed: " + ex.getMessage(), ex);
			}
		}

		@Override
		public ConnectionSettings settings() {
			return new ConnectionSettings(url, "sa", "", 4);
		}

		@Override
		public void close() {
		}

	}

}
