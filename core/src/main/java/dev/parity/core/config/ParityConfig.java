package dev.parity.core.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param exitCriteria when the target is ready for cutover
 * @param sla the target's response-time objective
 * @param report the sign-off report
 * @param schedules job short name ({@code counts}, {@code diff}, …) → Quartz cron expression, run by
 * {@code ./parity serve} (default: none)
 * @param timeZone the IANA time zone the crons are read in (default {@code UTC})
 * @param reconcile the safety valves of reconciliation
 * @param users who may use the console, the REST API and the cutover commands, with their roles
 *     (default: none; {@code serve} then needs {@code --insecure-local})
 * @param checksum how the weekly partitioned checksum runs
 * @param cutover traffic phases, rollback triggers, metric sources, webhook and lag alerts
 */
public record ParityConfig(String name, @Required ConnectionSettings source, @Required ConnectionSettings target,
		ConnectionSettings control, Duration lagWindow, @Required List<TableMapping> tables, Thresholds thresholds,
		DiffSettings diff, ExitCriteriaSettings exitCriteria, SlaSettings sla, ReportSettings report,
		Map<String, String> schedules, String timeZone, ReconcileSettings reconcile,
		List<UserSettings> users, ChecksumSettings checksum, CutoverSettings cutover) {

	/** The job short names a schedule may name, in cadence order. */
	public static final List<String> SCHEDULABLE_JOBS = List.of("counts", "diff", "schema", "checksum", "reconcile",
			"report");

	public ParityConfig(String name, ConnectionSettings source, ConnectionSettings target, ConnectionSettings control,
			Duration lagWindow, List<TableMapping> tables, Thresholds thresholds) {
		this(name, source, target, control, lagWindow, tables, thresholds, null);
	}

	public ParityConfig(String name, ConnectionSettings source, ConnectionSettings target, ConnectionSettings control,
			Duration lagWindow, List<TableMapping> tables, Thresholds thresholds, DiffSettings diff) {
		this(name, source, target, control, lagWindow, tables, thresholds, diff, null, null, null, null, null, null);
	}

	public ParityConfig(String name, ConnectionSettings source, ConnectionSettings target, ConnectionSettings control,
			Duration lagWindow, List<TableMapping> tables, Thresholds thresholds, DiffSettings diff,
			ExitCriteriaSettings exitCriteria, SlaSettings sla, ReportSettings report, Map<String, String> schedules,
			String timeZone, ReconcileSettings reconcile) {
		this(name, source, target, control, lagWindow, tables, thresholds, diff, exitCriteria, sla, report, schedules,
				timeZone, reconcile, null);
	}

	public ParityConfig(String name, ConnectionSettings source, ConnectionSettings target, ConnectionSettings control,
			Duration lagWindow, List<TableMapping> tables, Thresholds thresholds, DiffSettings diff,
			ExitCriteriaSettings exitCriteria, SlaSettings sla, ReportSettings report, Map<String, String> schedules,
			String timeZone, ReconcileSettings reconcile, List<UserSettings> users) {
		this(name, source, target, control, lagWindow, tables, thresholds, diff, exitCriteria, sla, report, schedules,
				timeZone, reconcile, users, null, null);
	}

	public ParityConfig(String name, ConnectionSettings source, ConnectionSettings target, ConnectionSettings control,
			Duration lagWindow, List<TableMapping> tables, Thresholds thresholds, DiffSettings diff,
			ExitCriteriaSettings exitCriteria, SlaSettings sla, ReportSettings report, Map<String, String> schedules,
			String timeZone, ReconcileSettings reconcile, List<UserSettings> users, ChecksumSettings checksum) {
		this(name, source, target, control, lagWindow, tables, thresholds, diff, exitCriteria, sla, report, schedules,
				timeZone, reconcile, users, checksum, null);
	}

	public ParityConfig(String name, ConnectionSettings source, ConnectionSettings target, ConnectionSettings control,
			Duration lagWindow, List<TableMapping> tables, Thresholds thresholds, DiffSettings diff,
			ExitCriteriaSettings exitCriteria, SlaSettings sla, ReportSettings report, Map<String, String> schedules,
			String timeZone, ReconcileSettings reconcile, List<UserSettings> users, CutoverSettings cutover) {
		this(name, source, target, control, lagWindow, tables, thresholds, diff, exitCriteria, sla, report, schedules,
				timeZone, reconcile, users, null, cutover);
	}

	public static final String DEFAULT_CONTROL_URL = "jdbc:h2:file:./parity-data/control";

	public ParityConfig {
		name = name == null ? "parity" : name;
		control = control == null ? new ConnectionSettings(DEFAULT_CONTROL_URL, "sa", "", null) : control;
		lagWindow = lagWindow == null ? Duration.ofMinutes(5) : lagWindow;
		tables = tables == null ? List.of() : List.copyOf(tables);
		thresholds = thresholds == null ? Thresholds.DEFAULTS : thresholds;
		diff = diff == null ? DiffSettings.DEFAULTS : diff;
		exitCriteria = exitCriteria == null ? ExitCriteriaSettings.DEFAULTS : exitCriteria;
		sla = sla == null ? SlaSettings.DEFAULTS : sla;
		report = report == null ? ReportSettings.DEFAULTS : report;
		// Insertion order is the file's order; null values (a key without a cron) are reported by the loader.
		schedules = schedules == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(schedules));
		timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.trim();
		reconcile = reconcile == null ? ReconcileSettings.DEFAULTS : reconcile;
		users = users == null ? List.of() : List.copyOf(users);
		checksum = checksum == null ? ChecksumSettings.DEFAULTS : checksum;
		cutover = (cutover == null ? CutoverSettings.DEFAULTS : cutover).withLagThreshold(thresholds.maxLag());
	}

	/** The configured user named {@code name}, if any. */
	public java.util.Optional<UserSettings> user(String name) {
		return users.stream().filter((u) -> u.name().equals(name)).findFirst();
	}

	/** {@link #timeZone()} as a zone; the loader has checked that it is one. */
	public ZoneId zone() {
		return ZoneId.of(timeZone);
	}

	/** The table pairs selected by {@code --table} names; all when {@code names} is empty. */
	public List<TableMapping> select(List<String> names) {
		if (names == null || names.isEmpty()) {
			return tables;
		}
		return tables.stream().filter((t) -> names.contains(t.name())).toList();
	}

}
