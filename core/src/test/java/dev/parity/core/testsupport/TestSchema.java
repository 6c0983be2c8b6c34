package dev.parity.core.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import dev.parity.core.config.ConnectionSettings;

/**
 * A throwaway schema on a real server: a URL that points into it, and a setup connection that may
 * write (tests use it to create and change data; Parity's own source access never can).
 */
public record TestSchema(TestDatabases server, String url, String user, String password, String name,
		String serverUrl) implements AutoCloseable {

	public ConnectionSettings settings() {
		return new ConnectionSettings(url, user, password, 4);
	}

	/**
	 * Runs statements with a plain, writable connection (test setup only). On MariaDB the session is UTC,
	 * so that a {@code TIMESTAMP} literal is the same instant whatever the server's zone.
	 */
	public void execute(String... statements) {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			if (server == TestDatabases.MARIADB) {
				statement.execute("SET time_zone = '+00:00'");
			}
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("test setup failed on " + server + ": " + ex.getMessage(), ex);
		}
	}

	/** One number from a query, through a plain connection (independent of Parity). */
	public long queryLong(String sql) {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement();
				var rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Every row of a query as its columns' text joined by {@code |} ({@code <null>} for NULL), through a
	 * plain connection (independent of Parity), in the order the query returns them.
	 */
	public java.util.List<String> queryRows(String sql) {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement();
				var rs = statement.executeQuery(sql)) {
			java.util.List<String> rows = new java.util.ArrayList<>();
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= columns; i++) {
					String value = rs.getString(i);
					row.append(i > 1 ? "|" : "").append(value == null ? "<null>" : value);
				}
				rows.add(row.toString());
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(server == TestDatabases.POSTGRES ? "DROP SCHEMA " + name + " CASCADE"
					: "DROP DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
