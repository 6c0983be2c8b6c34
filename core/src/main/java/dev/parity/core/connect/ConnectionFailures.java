package dev.parity.core.connect;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

import dev.parity.core.config.ConnectionSettings;

/**
 * Names the database when its connection fails in the middle of work: a query on {@code role}'s
 * connection that fails because the connection broke (the server went down, the session was
 * terminated, the network dropped it) becomes a {@link DatabaseUnavailableException} "source database
 * (URL) connection lost: why", so that the error a run ends with says which database and why, not only
 * the driver's "An I/O error occurred". Other failures (bad SQL, a constraint) pass unchanged.
 */
final class ConnectionFailures implements ExecuteListener {

	private final Role role;

	private final String safeUrl;

	ConnectionFailures(Role role, String url) {
		this.role = role;
		this.safeUrl = new ConnectionSettings(url, null, null, null).safeUrl();
	}

	@Override
	public void exception(ExecuteContext ctx) {
		Throwable failure = ctx.sqlException() != null ? ctx.sqlException() : ctx.exception();
		lost(failure).ifPresent(ctx::exception);
	}

	/** The failure as "ROLE database (URL) connection lost: why" when it is a broken connection. */
	Optional<DatabaseUnavailableException> lost(Throwable failure) {
		if (failure == null || failure instanceof DatabaseUnavailableException || !isConnectionFailure(failure)) {
			return Optional.empty();
		}
		return Optional.of(new DatabaseUnavailableException(role.key() + " database (" + safeUrl + ") connection lost: "
				+ DatabaseConnector.reason(failure), failure));
	}

	/**
	 * SQLSTATE class 08 (connection exception), PostgreSQL's 57P01-57P03 (terminated by an administrator,
	 * crash, or shutdown), or a JDBC connection exception type anywhere in the causes.
	 */
	static boolean isConnectionFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLNonTransientConnectionException || cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
				return true;
			}
			if (cause instanceof java.io.IOException) {
				return true;
			}
		}
		return false;
	}

}
