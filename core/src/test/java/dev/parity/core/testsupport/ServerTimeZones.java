package dev.parity.core.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Sets the database servers' time zone for a test class when the system property
 * {@code parity.test.db-zone} names one (the jobs module's {@code tz-*} test runs set it, e.g.
 * {@code Europe/Berlin}), and restores the previous setting afterwards: MariaDB's global
 * {@code time_zone} (the zone of every new session; its zone tables must be loaded) and the PostgreSQL
 * test database's default {@code TimeZone} (pgjdbc then sets each session's zone to the JVM's, which
 * the {@code tz-jvm} runs set with {@code -Duser.timezone}). Without the property it does nothing.
 */
public final class ServerTimeZones implements BeforeAllCallback, AfterAllCallback {

	public static final String PROPERTY = "parity.test.db-zone";

	private String previousMariaDb;

	@Override
	public void beforeAll(ExtensionContext context) throws SQLException {
		String zone = System.getProperty(PROPERTY);
		if (zone == null || zone.isBlank()) {
			return;
		}
		if (System.getenv("PARITY_TEST_MARIADB_URL") != null) {
			try (Connection c = mariadb(); Statement s = c.createStatement()) {
				try (ResultSet r = s.executeQuery("SELECT @@global.time_zone")) {
					r.next();
					previousMariaDb = r.getString(1);
				}
				s.execute("SET GLOBAL time_zone = '" + zone + "'");
			}
		}
		if (System.getenv("PARITY_TEST_PG_URL") != null) {
			try (Connection c = postgres(); Statement s = c.createStatement()) {
				s.execute("ALTER DATABASE \"" + c.getCatalog() + "\" SET timezone TO '" + zone + "'");
			}
		}
	}

	@Override
	public void afterAll(ExtensionContext context) throws SQLException {
		String zone = System.getProperty(PROPERTY);
		if (zone == null || zone.isBlank()) {
			return;
		}
		if (previousMariaDb != null) {
			try (Connection c = mariadb(); Statement s = c.createStatement()) {
				s.execute("SET GLOBAL time_zone = '" + previousMariaDb + "'");
			}
		}
		if (System.getenv("PARITY_TEST_PG_URL") != null) {
			try (Connection c = postgres(); Statement s = c.createStatement()) {
				s.execute("ALTER DATABASE \"" + c.getCatalog() + "\" RESET timezone");
			}
		}
	}

	private static Connection mariadb() throws SQLException {
		return DriverManager.getConnection(System.getenv("PARITY_TEST_MARIADB_URL"),
				System.getenv().getOrDefault("PARITY_TEST_MARIADB_USER", "root"),
				System.getenv().getOrDefault("PARITY_TEST_MARIADB_PASSWORD", ""));
	}

	private static Connection postgres() throws SQLException {
		return DriverManager.getConnection(System.getenv("PARITY_TEST_PG_URL"),
				System.getenv().getOrDefault("PARITY_TEST_PG_USER", "postgres"),
				System.getenv().getOrDefault("PARITY_TEST_PG_PASSWORD", ""));
	}

}
