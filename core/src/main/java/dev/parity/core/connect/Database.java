package dev.parity.core.connect;

import javax.sql.DataSource;

import org.jooq.DSLContext;

import com.zaxxer.hikari.HikariDataSource;

import dev.parity.core.dialect.ComparisonDialect;

/**
 * One side of a comparison: a pooled connection, a jOOQ context with the detected dialect, and the
 * dialect's comparison rules. {@link SourceDatabase} is guarded read-only; only {@link TargetDatabase}
 * exposes its {@link DataSource} for writes.
 */
public abstract sealed class Database implements AutoCloseable permits SourceDatabase, TargetDatabase {

	private final Role role;

	private final HikariDataSource dataSource;

	private final DSLContext dsl;

	private final ComparisonDialect dialect;

	private final ConnectionFailures failures;

	Database(Role role, HikariDataSource dataSource, DSLContext dsl, ComparisonDialect dialect) {
		this.role = role;
		this.dataSource = dataSource;
		this.dsl = dsl;
		this.dialect = dialect;
		this.failures = new ConnectionFailures(role, dataSource.getJdbcUrl());
	}

	public Role role() {
		return role;
	}

	/** The jOOQ context for this side; on the source every statement passes the {@link SourceGuard}. */
	public DSLContext dsl() {
		return dsl;
	}

	public ComparisonDialect dialect() {
		return dialect;
	}

	/**
	 * {@code failure} as "ROLE database (URL) connection lost: why" when it is this database's broken
	 * connection, else {@code failure} itself — for reads that bypass jOOQ's execute listeners (JDBC
	 * metadata), whose driver message alone would not say which database failed.
	 */
	public RuntimeException named(RuntimeException failure) {
		return failures.lost(failure).map(RuntimeException.class::cast).orElse(failure);
	}

	/**
	 * Runs {@code query} on a connection of its own, in a transaction, and streams its rows
	 * {@code fetchSize} at a time (PostgreSQL only streams inside a transaction). jOOQ renders the
	 * statement; rows are read straight from JDBC, each column as {@code types[i]} when given (e.g.
	 * {@code LocalDateTime}, which spares the drivers' calendar arithmetic) — the hot path of the diff.
	 * Closing the stream ends the transaction and returns the connection. On the source the
	 * {@link SourceGuard} checks the statement first, as for every other source query.
	 */
	public Streamed stream(org.jooq.ResultQuery<?> query, Class<?>[] types, int fetchSize) {
		String sql = dsl.render(query);
		java.util.List<Object> binds = dsl.extractBindValues(query);
		if (role == Role.SOURCE) {
			SourceGuard.check(sql);
		}
		java.sql.Connection connection;
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(false);
		}
		catch (java.sql.SQLException ex) {
			throw new DatabaseUnavailableException(role.key() + " database: " + ex.getMessage(), ex);
		}
		try {
			java.sql.PreparedStatement statement = connection.prepareStatement(sql, java.sql.ResultSet.TYPE_FORWARD_ONLY,
					java.sql.ResultSet.CONCUR_READ_ONLY);
			statement.setFetchSize(fetchSize);
			for (int i = 0; i < binds.size(); i++) {
				statement.setObject(i + 1, binds.get(i));
			}
			return new Streamed(connection, statement, statement.executeQuery(), types, failures);
		}
		catch (java.sql.SQLException ex) {
			Streamed.release(connection);
			throw failures.lost(ex).map(RuntimeException.class::cast)
				.orElseGet(() -> new org.jooq.exception.DataAccessException(role.key() + " query failed: " + ex.getMessage(), ex));
		}
	}

	/** A streaming result on its own connection. */
	public static final class Streamed implements AutoCloseable {

		private final java.sql.Connection connection;

		private final java.sql.Statement statement;

		private final java.sql.ResultSet rows;

		private final Class<?>[] types;

		private final ConnectionFailures failures;

		Streamed(java.sql.Connection connection, java.sql.Statement statement, java.sql.ResultSet rows, Class<?>[] types,
				ConnectionFailures failures) {
			this.connection = connection;
			this.statement = statement;
			this.rows = rows;
			this.types = types;
			this.failures = failures;
		}

		/** The next row, or null at the end. */
		public Object[] next() {
			try {
				if (!rows.next()) {
					return null;
				}
				Object[] row = new Object[types.length];
				for (int i = 0; i < row.length; i++) {
					row[i] = types[i] == null ? rows.getObject(i + 1) : rows.getObject(i + 1, types[i]);
				}
				return row;
			}
			catch (java.sql.SQLException ex) {
				throw failures.lost(ex).map(RuntimeException.class::cast)
					.orElseGet(() -> new org.jooq.exception.DataAccessException("reading a row failed: " + ex.getMessage(), ex));
			}
		}

		@Override
		public void close() {
			try (statement) {
				rows.close();
			}
			catch (java.sql.SQLException ex) {
				// released below either way
			}
			finally {
				release(connection);
			}
		}

		static void release(java.sql.Connection connection) {
			try (connection) {
				connection.rollback();
				connection.setAutoCommit(true);
			}
			catch (java.sql.SQLException ex) {
				// the pool discards a broken connection
			}
		}

	}

	HikariDataSource pool() {
		return dataSource;
	}

	@Override
	public void close() {
		dataSource.close();
	}

}
