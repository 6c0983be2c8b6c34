package dev.parity.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.TableMapping;
import dev.parity.core.readiness.ExitCriteria;
import dev.parity.core.repository.AuditLog;
import dev.parity.core.repository.CheckResultRepository;
import dev.parity.core.repository.CheckResultRepository.ResultPoint;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyStatus;
import dev.parity.core.repository.RunRepository;

/** Reads the control database into a {@link SignOffReport}. */
public class SignOffReportBuilder {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	/** Chart points per table: the latest checks of the period. */
	static final int MAX_POINTS = 60;

	private final ParityConfig config;

	private final ExitCriteria exitCriteria;

	private final CheckResultRepository results;

	private final DiscrepancyRepository discrepancies;

	private final RunRepository runs;

	private final AuditLog audit;

	private final Clock clock;

	public SignOffReportBuilder(ParityConfig config, ExitCriteria exitCriteria, CheckResultRepository results,
			DiscrepancyRepository discrepancies, RunRepository runs, AuditLog audit, Clock clock) {
		this.config = config;
		this.exitCriteria = exitCriteria;
		this.results = results;
		this.discrepancies = discrepancies;
		this.runs = runs;
		this.audit = audit;
		this.clock = clock;
	}

	public SignOffReport build() {
		Instant now = clock.instant();
		List<ResultPoint> counts = results.history("COUNTS");
		List<ResultPoint> diffs = results.history("DIFF");
		List<ResultPoint> checksums = results.history("CHECKSUM");
		List<SignOffReport.TableSection> sections = new ArrayList<>();
		for (TableMapping table : config.tables()) {
			sections.add(section(table, counts, diffs, checksums));
		}
		int max = config.report().maxDiscrepancies();
		return new SignOffReport(config.name(), runs.firstStart().map(TIME::format).orElse("no runs yet"),
				TIME.format(now), TIME.format(now), exitCriteria.evaluate(), config.source().safeUrl(),
				config.target().safeUrl(), discrepancies.find(DiscrepancyStatus.OPEN).size(), sections,
				discrepancies.openCritical(max), discrepancies.countOpenCritical(), config.report().preparedBy(),
				config.report().reviewedBy(), config.report().approvedBy());
	}

	private SignOffReport.TableSection section(TableMapping table, List<ResultPoint> counts, List<ResultPoint> diffs,
			List<ResultPoint> checksums) {
		ResultPoint count = latest(counts, table.name());
		ResultPoint diff = latest(diffs, table.name());
		ResultPoint checksum = latest(checksums, table.name());
		String countText = count == null ? "no counts run"
				: count.sourceCount() + " in the source, " + count.targetCount() + " in the target; variance "
						+ percent(count.variance()) + " (" + TIME.format(count.checkedAt()) + ")";
		String rateText = diff == null || diff.matchRate() == null ? "no diff run"
				: percent(diff.matchRate()) + " of fields match (" + TIME.format(diff.checkedAt()) + ")";
		Map<String, Integer> byTypeAndStatus = discrepancies.countByTypeAndStatus(table.name());
		String discrepancyText = byTypeAndStatus.isEmpty() ? "none"
				: byTypeAndStatus.entrySet().stream().map((e) -> e.getKey().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
						+ e.getValue()).collect(Collectors.joining("; "));
		Map<String, Integer> actions = audit.countByAction(table.name());
		String actionText = actions.isEmpty() ? "no actions recorded"
				: actions.entrySet().stream().map((e) -> e.getKey().toLowerCase(Locale.ROOT) + ": " + e.getValue())
					.collect(Collectors.joining("; "));
		List<String> notes = new ArrayList<>();
		note(notes, "diff", diff);
		note(notes, "checksum", checksum);
		return new SignOffReport.TableSection(table.name(), table.critical(), countText, rateText, discrepancyText,
				actionText, notes.isEmpty() ? "none" : String.join("\n", notes), history(table.name(), counts, diffs));
	}

	/** The latest run's note, such as a lag window widened while replication lagged: auditors must see it. */
	private static void note(List<String> notes, String check, ResultPoint latest) {
		if (latest != null && latest.detail() != null) {
			notes.add(check + " (" + TIME.format(latest.checkedAt()) + "): " + latest.detail());
		}
	}

	/**
	 * The trend of one table pair, as the report's chart draws it: one point per check of the latest
	 * {@value #MAX_POINTS}, oldest first (match rate in percent where a diff ran, open discrepancies then).
	 */
	public List<SignOffReport.TrendPoint> trend(String table) {
		return history(table, results.history("COUNTS"), results.history("DIFF"));
	}

	private List<SignOffReport.TrendPoint> history(String table, List<ResultPoint> counts, List<ResultPoint> diffs) {
		TreeMap<Instant, Double> points = new TreeMap<>();
		counts.stream().filter((p) -> p.table().equals(table)).forEach((p) -> points.putIfAbsent(p.checkedAt(), null));
		diffs.stream()
			.filter((p) -> p.table().equals(table) && p.matchRate() != null)
			.forEach((p) -> points.put(p.checkedAt(), p.matchRate() * 100));
		Map<Instant, Double> recent = new LinkedHashMap<>();
		points.descendingMap().entrySet().stream().limit(MAX_POINTS).forEach((e) -> recent.put(e.getKey(), e.getValue()));
		List<SignOffReport.TrendPoint> trend = new ArrayList<>();
		new TreeMap<>(recent).forEach((at, rate) -> trend.add(new SignOffReport.TrendPoint(at, rate,
				discrepancies.openAt(table, at))));
		return trend;
	}

	private static ResultPoint latest(List<ResultPoint> points, String table) {
		ResultPoint latest = null;
		for (ResultPoint point : points) {
			if (point.table().equals(table)) {
				latest = point;
			}
		}
		return latest;
	}

	static String percent(Double fraction) {
		return fraction == null ? "-" : String.format(Locale.ROOT, "%.4f %%", fraction * 100);
	}

}
