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

	private final java.time.Duration stallTimeout;

	Database(Role role, HikariDataSource dataSource, DSLContext dsl, ComparisonDialect dialect,
			java.time.Duration stallTimeout) {
		this.role = role;
		this.dataSource = dataSource;
		this.dsl = dsl;
		this.dialect = dialect;
		this.stallTimeout = stallTimeout;
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
	 * statement; rows are read straight from JDBC, each column as {@code types[i]} when given (e.g.
	 * {@code LocalDateTime}, which spares the drivers' calendar arithmetic) — the hot path of the diff.
	 * Closing the stream ends the transaction and returns the connection. A wait for the next rows
	 * longer than the connection's {@code stall-timeout} aborts the connection and fails the read with a
	 * {@link DatabaseStalledException} naming the database and the setting. On the source the
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
			return new Streamed(connection, statement, statement.executeQuery(), types,
					new Streamed.Context(role, stallTimeout, new StallWatch.Wait(connection, stallTimeout)));
		}
		catch (java.sql.SQLException ex) {
			Streamed.release(connection);
			DatabaseStalledException timedOut = DatabaseStalledException.ifTimedOut(role, ex);
			if (timedOut != null) {
				throw timedOut;
			}
			throw new org.jooq.exception.DataAccessException(role.key() + " query failed: " + ex.getMessage(), ex);
		}
	}

	/** A streaming result on its own connection. */
	public static final class Streamed implements AutoCloseable {

		private final java.sql.Connection connection;

		private final java.sql.Statement statement;

		private final java.sql.ResultSet rows;

		private final Class<?>[] types;

		private final Context context;

		/** Which database, and the watch on its waits. */
		record Context(Role role, java.time.Duration stallTimeout, StallWatch.Wait watch) {
		}

		Streamed(java.sql.Connection connection, java.sql.Statement statement, java.sql.ResultSet rows, Class<?>[] types,
				Context context) {
			this.connection = connection;
			this.statement = statement;
			this.rows = rows;
			this.types = types;
			this.context = context;
		}

		/** The next row, or null at the end. */
		public Object[] next() {
			try {
				boolean more;
				context.watch().begin();
				try {
					more = rows.next();
				}
				finally {
					context.watch().end();
				}
				if (!more) {
					return null;
				}
				Object[] row = new Object[types.length];
				for (int i = 0; i < row.length; i++) {
					row[i] = types[i] == null ? rows.getObject(i + 1) : rows.getObject(i + 1, types[i]);
				}
				return row;
			}
			catch (java.sql.SQLException ex) {
				if (context.watch().stalled()) {
					throw DatabaseStalledException.stalled(context.role(), context.stallTimeout(), ex);
				}
				DatabaseStalledException timedOut = DatabaseStalledException.ifTimedOut(context.role(), ex);
				if (timedOut != null) {
					throw timedOut;
				}
				throw new org.jooq.exception.DataAccessException("reading a row failed: " + ex.getMessage(), ex);
			}
		}

		@Override
		public void close() {
			context.watch().end();
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
