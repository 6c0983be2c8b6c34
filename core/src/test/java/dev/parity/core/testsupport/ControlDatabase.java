package dev.parity.core.testsupport;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Test helper for the control database. */
public final class ControlDatabase {

	/** Parity's tables, children before parents. */
	public static final List<String> TABLES = List.of("parity_checkpoint_partition",
			"parity_checkpoint_table", "parity_checkpoint", "parity_fix_intent", "parity_fix", "parity_diff_candidate", "parity_diff_progress",
			"parity_schema_finding", "parity_schema_snapshot", "parity_table_state", "parity_observation",
			"parity_discrepancy", "parity_lag_alert", "parity_lag", "parity_cutover_incident", "parity_cutover_history",
			"parity_cutover_sample", "parity_check_result", "parity_audit", "parity_run", "parity_run_lock");

	private ControlDatabase() {
	}

	/** Empties Parity's tables (Spring Batch's are emptied by JobRepositoryTestUtils). */
	public static void clear(JdbcTemplate control) {
		TABLES.forEach((table) -> control.execute("DELETE FROM " + table));
	}

}
