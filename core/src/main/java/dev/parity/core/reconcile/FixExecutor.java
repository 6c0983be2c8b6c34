package dev.parity.core.reconcile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.parity.core.compare.ComparePlan;
import dev.parity.core.compare.RowQueries;
import dev.parity.core.connect.DatabaseUnavailableException;
import dev.parity.core.connect.TargetDatabase;

/**
 * Runs fixes on the target, inside target transactions, and never commits a change that does not hold.
 * {@link #apply} runs a whole chunk in one transaction, as prepared batches (every delete, then every
 * insert, then every update — one fix per key, so a key's delete still precedes its re-insert), then,
 * before committing, reads every fixed key back in the same transaction and checks that the target now
 * holds what the fix meant it to (the source's canonical values, under the columns' compare rules: a
 * value the target column cannot hold — a date-time written into a {@code DATE}, a value the driver or
 * the column shifts — does not round-trip). A fix that does not hold is {@code FAILED} with what was
 * expected and what the target read back, and the chunk is applied again without it; if a statement
 * fails, the chunk is rolled back and each fix runs in a transaction of its own, so that one bad fix
 * fails alone. Values are bound through JDBC as {@code java.time} values ({@link
 * dev.parity.core.connect.Database#bind}), never through {@code java.sql} types.
 */
public final class FixExecutor {

	private final TargetDatabase target;

	private final Map<String, FixPlanner> planners;

	public FixExecutor(TargetDatabase target, Map<String, FixPlanner> planners) {
		this.target = target;
		this.planners = planners;
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
	 * Applies the fixes of {@code decisions} (each an {@code Outcome.FIX}).
	 * @return per decision, null when applied and read back as meant, else why it was not applied
	 * @throws DatabaseUnavailableException when the target cannot be reached (nothing is then committed)
	 */
	public List<String> apply(List<ReconcileDecision> decisions) {
		String[] reasons = new String[decisions.size()];
		List<Integer> pending = new ArrayList<>();
		for (int i = 0; i < decisions.size(); i++) {
			pending.add(i);
		}
		while (!pending.isEmpty()) {
			List<Integer> batch = List.copyOf(pending);
			try {
				List<String> refused = inTransaction((connection) -> {
					applyBatches(connection, batch.stream().map((i) -> decisions.get(i).statements()).toList());
					return readBack(connection, batch.stream().map(decisions::get).toList());
				});
				pending.clear();
				for (int j = 0; j < batch.size(); j++) {
					if (refused.get(j) != null) {
						// rolled back: this fix is refused, the others are applied again without it
						reasons[batch.get(j)] = refused.get(j);
						continue;
					}
					if (refused.stream().anyMatch(java.util.Objects::nonNull)) {
						pending.add(batch.get(j));
					}
				}
			}
			catch (DatabaseUnavailableException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				for (int i : batch) {
					reasons[i] = applyOne(decisions.get(i));
				}
				pending.clear();
			}
		}
		return Arrays.asList(reasons);
	}

	// One fix in a transaction of its own: null, or why it was not applied.
	private String applyOne(ReconcileDecision decision) {
		try {
			List<String> refused = inTransaction((connection) -> {
				applyBatches(connection, List.of(decision.statements()));
				return readBack(connection, List.of(decision));
			});
			return refused.get(0);
		}
		catch (DatabaseUnavailableException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			return reason(ex);
		}
	}

	private void applyBatches(Connection connection, List<List<FixStatement>> fixes) {
		Map<String, List<FixStatement>> byShape = new LinkedHashMap<>();
		fixes.stream()
			.flatMap(List::stream)
			.sorted(Comparator.comparing(FixStatement::kind))
			.forEach((s) -> byShape.computeIfAbsent(s.shape(), (k) -> new ArrayList<>()).add(s));
		for (List<FixStatement> statements : byShape.values()) {
			String sql = target.dsl().render(statements.get(0).template(target.dsl()));
			try (PreparedStatement prepared = connection.prepareStatement(sql)) {
				for (FixStatement statement : statements) {
					target.bind(prepared, Arrays.asList(statement.binds()));
					prepared.addBatch();
				}
				prepared.executeBatch();
			}
			catch (SQLException ex) {
				throw new org.jooq.exception.DataAccessException(ex.getMessage(), ex);
			}
		}
	}

	/**
	 * The fixed keys read back in the fixes' own transaction: per decision, null when the target holds
	 * the rows the fix meant it to hold, else what was expected and what is there.
	 */
	private List<String> readBack(Connection connection, List<ReconcileDecision> decisions) {
		Map<String, List<Integer>> byTable = new LinkedHashMap<>();
		for (int i = 0; i < decisions.size(); i++) {
			byTable.computeIfAbsent(decisions.get(i).table(), (t) -> new ArrayList<>()).add(i);
		}
		String[] refused = new String[decisions.size()];
		for (Map.Entry<String, List<Integer>> table : byTable.entrySet()) {
			FixPlanner planner = planners.get(table.getKey());
			ComparePlan plan = planner.plan();
			List<Object[]> keys = table.getValue().stream().map((i) -> plan.parseKey(decisions.get(i).key())).toList();
			TreeMap<Object[], List<Object[]>> rows = new TreeMap<>(plan.order());
			for (Object[] row : target.fetch(connection, RowQueries.byKeys(target.dsl(), plan, false, keys,
					planner.extraColumns()), RowQueries.readers(plan, false, target, planner.extraColumns()))) {
				rows.computeIfAbsent(plan.key(row), (k) -> new ArrayList<>()).add(row);
			}
			for (int j = 0; j < keys.size(); j++) {
				ReconcileDecision decision = decisions.get(table.getValue().get(j));
				List<Object[]> present = rows.getOrDefault(keys.get(j), List.of());
				if (!planner.holds(decision.after(), present)) {
					refused[table.getValue().get(j)] = "the target does not hold the source's value after the fix"
							+ " (a value the target column or driver changes): expected " + decision.after()
							+ ", read back " + planner.canonicalRows(present) + "; nothing was changed";
				}
			}
		}
		return Arrays.asList(refused);
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

	// Runs `work` in a target transaction: committed when every fix holds (all null), else rolled back.
	private List<String> inTransaction(java.util.function.Function<Connection, List<String>> work) {
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
				List<String> refused = work.apply(connection);
				if (refused.stream().anyMatch(java.util.Objects::nonNull)) {
					connection.rollback();
				}
				else {
					connection.commit();
				}
				return refused;
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
