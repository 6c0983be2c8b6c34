package dev.parity.core.config;

import java.time.Duration;
import java.util.List;

/**
 * The whole of {@code parity.yml} under the {@code parity:} root, bound and validated by
 * {@link ParityConfigLoader}. Every key is documented with its default in the README.
 *
 * @param name the migration's name in output and reports (default {@code parity})
 * @param source the legacy system of record; only ever read
 * @param target the new database under test
 * @param control Parity's own state (default: an H2 file under {@code ./parity-data/})
 * @param lagWindow rows updated this recently are re-checked later, not flagged (default 5m)
 * @param tables the table pairs, at least one
 * @param thresholds count variance and lag alert thresholds
 * @param diff how the field-level diff runs
 * @param reconcile the safety valves of reconciliation
 */
public record ParityConfig(String name, @Required ConnectionSettings source, @Required ConnectionSettings target,
		ConnectionSettings control, Duration lagWindow, @Required List<TableMapping> tables, Thresholds thresholds,
		DiffSettings diff, ReconcileSettings reconcile) {

	public ParityConfig(String name, ConnectionSettings source, ConnectionSettings target, ConnectionSettings control,
			Duration lagWindow, List<TableMapping> tables, Thresholds thresholds) {
		this(name, source, target, control, lagWindow, tables, thresholds, null, null);
	}

	public ParityConfig(String name, ConnectionSettings source, ConnectionSettings target, ConnectionSettings control,
			Duration lagWindow, List<TableMapping> tables, Thresholds thresholds, DiffSettings diff) {
		this(name, source, target, control, lagWindow, tables, thresholds, diff, null);
	}

	public static final String DEFAULT_CONTROL_URL = "jdbc:h2:file:./parity-data/control";

	public ParityConfig {
		name = name == null ? "parity" : name;
		control = control == null ? new ConnectionSettings(DEFAULT_CONTROL_URL, "sa", "", null) : control;
		lagWindow = lagWindow == null ? Duration.ofMinutes(5) : lagWindow;
		tables = tables == null ? List.of() : List.copyOf(tables);
		thresholds = thresholds == null ? Thresholds.DEFAULTS : thresholds;
		diff = diff == null ? DiffSettings.DEFAULTS : diff;
		reconcile = reconcile == null ? ReconcileSettings.DEFAULTS : reconcile;
	}

	/** The table pairs selected by {@code --table} names; all when {@code names} is empty. */
	public List<TableMapping> select(List<String> names) {
		if (names == null || names.isEmpty()) {
			return tables;
		}
		return tables.stream().filter((t) -> names.contains(t.name())).toList();
	}

}
