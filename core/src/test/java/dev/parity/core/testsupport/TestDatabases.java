package dev.parity.core.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Real PostgreSQL and MariaDB for tests. URLs come from the environment ({@code .ci/run} sets them):
 * {@code PARITY_TEST_PG_URL} / {@code _USER} / {@code _PASSWORD} and {@code PARITY_TEST_MARIADB_URL} /
 * {@code _USER} / {@code _PASSWORD}. Without them, a Testcontainers container is started where Docker
 * exists; otherwise the test is skipped with the reason. Never replaced by H2.
 *
 * <p>Each test gets its own fresh schema (PostgreSQL) or database (MariaDB), dropped by
 * {@link TestSchema#close()}.
 */
public enum TestDatabases {

	POSTGRES("PARITY_TEST_PG", "postgres"), MARIADB("PARITY_TEST_MARIADB", "root");

	private final String prefix;

	private final String defaultUser;

	private JdbcDatabaseContainer<?> container;

	TestDatabases(String prefix, String defaultUser) {
		this.prefix = prefix;
		this.defaultUser = defaultUser;
	}

	/** A fresh, empty schema on this server; skips the test when no server is available. */
	public synchronized TestSchema freshSchema() {
		String url = System.getenv(prefix + "_URL");
		String user = System.getenv().getOrDefault(prefix + "_USER", defaultUser);
		String password = System.getenv().getOrDefault(prefix + "_PASSWORD", "");
		if (url == null) {
			container = container == null ? startContainer() : container;
			url = container.getJdbcUrl();
			user = container.getUsername();
			password = container.getPassword();
		}
		String name = "parity_it_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute((this == POSTGRES ? "CREATE SCHEMA " : "CREATE DATABASE ") + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(this + " at " + url + " cannot create a test schema: " + ex.getMessage(), ex);
		}
		return new TestSchema(this, schemaUrl(url, name), user, password, name, url);
	}

	private String schemaUrl(String url, String schema) {
		if (this == POSTGRES) {
			return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		}
		// jdbc:mariadb://host:port/db?params -> the test database replaces db
		int slash = url.indexOf('/', "jdbc:mariadb://".length());
		int query = url.indexOf('?');
		String base = slash < 0 ? url : url.substring(0, slash);
		return base + "/" + schema + (query < 0 ? "" : url.substring(query));
	}

	/** Null when tests can use this server, else why not. */
	public String unavailableReason() {
		if (System.getenv(prefix + "_URL") != null || docker()) {
			return null;
		}
		return "skipped: " + name().toLowerCase(Locale.ROOT) + " tests need " + prefix
				+ "_URL (set by .ci/run) or a Docker engine for Testcontainers; neither is available";
	}

	private static boolean docker() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private JdbcDatabaseContainer<?> startContainer() {
		String reason = unavailableReason();
		Assumptions.assumeTrue(reason == null, reason);
		JdbcDatabaseContainer<?> started = this == POSTGRES ? new PostgreSQLContainer("postgres:17-alpine")
				: new MariaDBContainer("mariadb:11.4");
		started.start();
		return started;
	}

}
