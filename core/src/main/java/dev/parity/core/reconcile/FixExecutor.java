package dev.parity.core.reconcile;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.impl.DefaultConnectionProvider;

import dev.parity.core.connect.DatabaseUnavailableException;
import dev.parity.core.connect.TargetDatabase;

/**
 * Runs fixes on the target, inside target transactions. {@link #applyAll} runs a whole chunk in one
 * transaction, as prepared batches (every delete, then every insert, then every update — one fix per
 * key, so a key's delete still precedes its re-insert); if anything fails it rolls back and
 * {@link #applyEach} runs the fixes one transaction each, so that one bad fix fails alone.
 */
public final class FixExecutor {

	private final TargetDatabase target;

	public FixExecutor(TargetDatabase target) {
		this.target = target;
	}

	/** The exact SQL of a fix, values inlined, one statement per line, each ending in {@code ;}. */
	public String sql(List<FixStatement> statements) {
		StringBuilder sql = new StringBuilder();
		for (FixStatement statement : statements) {
			sql.append(target.dsl().renderInlined(statement.query(target.dsl()))).append(";\n");
		}
		return sql.toString();
	}

	/**
	 * Applies every fix in one target transaction.
	 * @throws RuntimeException when any statement fails; nothing is then committed
	 */
	public void applyAll(List<List<FixStatement>> fixes) {
		Map<String, List<FixStatement>> byShape = new LinkedHashMap<>();
		fixes.stream()
			.flatMap(List::stream)
			.sorted(Comparator.comparing(FixStatement::kind))
			.forEach((s) -> byShape.computeIfAbsent(s.shape(), (k) -> new ArrayList<>()).add(s));
		inTransaction((dsl) -> {
			for (List<FixStatement> statements : byShape.values()) {
				BatchBindStep batch = dsl.batch(statements.get(0).template(dsl));
				for (FixStatement statement : statements) {
					batch = batch.bind(statement.binds());
				}
				batch.execute();
			}
		});
	}

	/** Applies each fix in a transaction of its own; returns, per fix, null or why it failed. */
	public List<String> applyEach(List<List<FixStatement>> fixes) {
		List<String> failures = new ArrayList<>();
		for (List<FixStatement> fix : fixes) {
			try {
				inTransaction((dsl) -> fix.forEach((s) -> s.query(dsl).execute()));
				failures.add(null);
			}
			catch (DatabaseUnavailableException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				failures.add(reason(ex));
			}
		}
		return failures;
	}

	/** One sentence from the most specific cause (the database's own message). */
	static String reason(Throwable ex) {
		String message = ex.toString();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				message = cause.getMessage();
			}
		}
		String line = message.lines().findFirst().orElse(message).trim();
		return line.length() > 1000 ? line.substring(0, 1000) : line;
	}

	private void inTransaction(java.util.function.Consumer<DSLContext> work) {
		Connection connection;
		try {
			connection = target.dataSource().getConnection();
		}
		catch (SQLException ex) {
			throw new DatabaseUnavailableException("target database: " + ex.getMessage(), ex);
		}
		try (connection) {
			connection.setAutoCommit(false);
			try {
				work.accept(target.dsl().configuration().derive(new DefaultConnectionProvider(connection)).dsl());
				connection.commit();
			}
			catch (RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("target transaction: " + ex.getMessage(), ex);
		}
	}

}
