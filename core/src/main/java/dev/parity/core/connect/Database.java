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

	private final java.time.ZoneId naiveZone;

	private final ConnectionFailures failures;

	Database(Role role, HikariDataSource dataSource, DSLContext dsl, ComparisonDialect dialect,
			java.time.Duration stallTimeout, java.time.ZoneId naiveZone) {
		this.role = role;
		this.dataSource = dataSource;
		this.dsl = dsl;
		this.dialect = dialect;
		this.stallTimeout = stallTimeout;
		this.naiveZone = naiveZone;
		this.failures = new ConnectionFailures(role, dataSource.getJdbcUrl());
	}

	/**
	 * {@code failure} as one sentence naming this database when it is a lost or refused connection,
	 * else unchanged.
	 */
	public RuntimeException named(RuntimeException failure) {
		return failures.lost(failure).map(RuntimeException.class::cast).orElse(failure);
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
	 * Closing the stream ends the transaction and returns the connection. Once the query has started,
	 * the connection's network timeout is its {@code stall-timeout}: a wait for the next rows longer than
	 * that fails the read with a {@link DatabaseStalledException} naming the database and the setting (a
	 * network that stops answering without closing would otherwise block it until the socket timeout).
	 * The query's start is not bounded by it: a sort may rightly take long before the first row. On the source the
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
			java.sql.ResultSet rows = statement.executeQuery();
			boolean watched = watchStalls(connection);
			return new Streamed(connection, statement, rows, types,
					new Streamed.Context(role, watched ? stallTimeout : null, failures));
		}
		catch (java.sql.SQLException ex) {
			Streamed.release(connection);
			DatabaseStalledException timedOut = DatabaseStalledException.ifTimedOut(role, ex);
			if (timedOut != null) {
				throw timedOut;
			}
			throw failures.lost(ex).map(RuntimeException.class::cast)
				.orElseGet(() -> new org.jooq.exception.DataAccessException(role.key() + " query failed: " + ex.getMessage(), ex));
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

	/** Bounds each wait for the database on {@code connection} by the stall timeout; false where the driver cannot. */
	private boolean watchStalls(java.sql.Connection connection) {
		if (stallTimeout.isZero()) {
			return false;
		}
		try {
			// the pool restores the connection's own network timeout when it is returned
			connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, stallTimeout.toMillis()));
			return true;
		}
		catch (java.sql.SQLException ex) {
			return false; // an embedded database (H2) has no network to stall
		}
	}

	/** A streaming result on its own connection. */
	public static final class Streamed implements AutoCloseable {

		private final java.sql.Connection connection;

		private final java.sql.Statement statement;

		private final java.sql.ResultSet rows;

		private final ValueReader[] types;

		private final Context context;

		/** Which database, the stall timeout bounding its reads (null: none), and how a lost connection is named. */
		record Context(Role role, java.time.Duration stallTimeout, ConnectionFailures failures) {
		}

		Streamed(java.sql.Connection connection, java.sql.Statement statement, java.sql.ResultSet rows,
				ValueReader[] types, Context context) {
			this.connection = connection;
			this.statement = statement;
			this.rows = rows;
			this.types = types;
			this.context = context;
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
				if (context.stallTimeout() != null && DatabaseStalledException.timedOut(ex)) {
					throw DatabaseStalledException.stalled(context.role(), context.stallTimeout(), ex);
				}
				DatabaseStalledException timedOut = DatabaseStalledException.ifTimedOut(context.role(), ex);
				if (timedOut != null) {
					throw timedOut;
				}
				throw context.failures().lost(ex).map(RuntimeException.class::cast)
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
