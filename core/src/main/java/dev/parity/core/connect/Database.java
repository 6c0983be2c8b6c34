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

	private final java.time.ZoneId naiveZone;

	Database(Role role, HikariDataSource dataSource, DSLContext dsl, ComparisonDialect dialect,
			java.time.ZoneId naiveZone) {
		this.role = role;
		this.dataSource = dataSource;
		this.dsl = dsl;
		this.dialect = dialect;
		this.naiveZone = naiveZone;
	}

	/**
	 * The zone of this side's naive date-times where they meet instants (its {@code time-zone}
	 * setting; UTC when not set).
	 */
	public java.time.ZoneId naiveZone() {
		return naiveZone;
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
	 * Runs {@code query} on a connection of its own, in a transaction, and streams its rows
	 * {@code fetchSize} at a time (PostgreSQL only streams inside a transaction). jOOQ renders the
	 * statement; values are bound as {@link ComparisonDialect#jdbcValue} says and rows are read straight
	 * from JDBC, each column by its {@link ValueReader} — the hot path of the diff.
	 * Closing the stream ends the transaction and returns the connection. On the source the
	 * {@link SourceGuard} checks the statement first, as for every other source query.
	 */
	public Streamed stream(org.jooq.ResultQuery<?> query, ValueReader[] types, int fetchSize) {
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
			bind(statement, binds);
			return new Streamed(connection, statement, statement.executeQuery(), types);
		}
		catch (java.sql.SQLException ex) {
			Streamed.release(connection);
			throw new org.jooq.exception.DataAccessException(role.key() + " query failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Every row of {@code query} (a by-key re-read: a few thousand rows at most), each column read by its
	 * {@link ValueReader}, as {@link #stream} reads them.
	 */
	public java.util.List<Object[]> fetch(org.jooq.ResultQuery<?> query, ValueReader[] types) {
		java.util.List<Object[]> rows = new java.util.ArrayList<>();
		try (Streamed streamed = stream(query, types, 0)) {
			for (Object[] row = streamed.next(); row != null; row = streamed.next()) {
				rows.add(row);
			}
		}
		return rows;
	}

	/**
	 * As {@link #fetch(org.jooq.ResultQuery, ValueReader[])}, on {@code connection} (inside a transaction
	 * of the caller's: reconciliation reads back what it wrote before committing).
	 */
	public java.util.List<Object[]> fetch(java.sql.Connection connection, org.jooq.ResultQuery<?> query,
			ValueReader[] types) {
		String sql = dsl.render(query);
		if (role == Role.SOURCE) {
			SourceGuard.check(sql);
		}
		java.util.List<Object[]> rows = new java.util.ArrayList<>();
		try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
			bind(statement, dsl.extractBindValues(query));
			try (java.sql.ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					Object[] row = new Object[types.length];
					for (int i = 0; i < row.length; i++) {
						row[i] = types[i].read(result, i + 1);
					}
					rows.add(row);
				}
			}
		}
		catch (java.sql.SQLException ex) {
			throw new org.jooq.exception.DataAccessException(role.key() + " query failed: " + ex.getMessage(), ex);
		}
		return rows;
	}

	/** Binds {@code values} in order, as this engine's driver takes them without a zone of its own. */
	public void bind(java.sql.PreparedStatement statement, java.util.List<?> values) throws java.sql.SQLException {
		for (int i = 0; i < values.size(); i++) {
			statement.setObject(i + 1, dialect.jdbcValue(values.get(i)));
		}
	}

	/** A streaming result on its own connection. */
	public static final class Streamed implements AutoCloseable {

		private final java.sql.Connection connection;

		private final java.sql.Statement statement;

		private final java.sql.ResultSet rows;

		private final ValueReader[] types;

		Streamed(java.sql.Connection connection, java.sql.Statement statement, java.sql.ResultSet rows,
				ValueReader[] types) {
			this.connection = connection;
			this.statement = statement;
			this.rows = rows;
			this.types = types;
		}

		/** The next row, or null at the end. */
		public Object[] next() {
			try {
				if (!rows.next()) {
					return null;
				}
				Object[] row = new Object[types.length];
				for (int i = 0; i < row.length; i++) {
					row[i] = types[i].read(rows, i + 1);
				}
				return row;
			}
			catch (java.sql.SQLException ex) {
				throw new org.jooq.exception.DataAccessException("reading a row failed: " + ex.getMessage(), ex);
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
