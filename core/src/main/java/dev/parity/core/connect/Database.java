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

	Database(Role role, HikariDataSource dataSource, DSLContext dsl, ComparisonDialect dialect) {
		this.role = role;
		this.dataSource = dataSource;
		this.dsl = dsl;
		this.dialect = dialect;
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
	 * {@code fetchSize} at a time (PostgreSQL only streams inside a transaction). Closing the stream
	 * ends the transaction and returns the connection. On the source the {@link SourceGuard} still
	 * checks the statement.
	 */
	public Streamed stream(java.util.function.Function<DSLContext, org.jooq.ResultQuery<org.jooq.Record>> query,
			int fetchSize) {
		java.sql.Connection connection;
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(false);
		}
		catch (java.sql.SQLException ex) {
			throw new DatabaseUnavailableException(role.key() + " database: " + ex.getMessage(), ex);
		}
		try {
			DSLContext dedicated = dsl.configuration()
				.derive(new org.jooq.impl.DefaultConnectionProvider(connection))
				.dsl();
			return new Streamed(connection, query.apply(dedicated).fetchSize(fetchSize).fetchLazy());
		}
		catch (RuntimeException ex) {
			Streamed.release(connection);
			throw ex;
		}
	}

	/** A streaming cursor on its own connection. */
	public static final class Streamed implements AutoCloseable {

		private final java.sql.Connection connection;

		private final org.jooq.Cursor<org.jooq.Record> cursor;

		Streamed(java.sql.Connection connection, org.jooq.Cursor<org.jooq.Record> cursor) {
			this.connection = connection;
			this.cursor = cursor;
		}

		public org.jooq.Cursor<org.jooq.Record> cursor() {
			return cursor;
		}

		@Override
		public void close() {
			try {
				cursor.close();
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
