package dev.parity.app.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;

import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.TableMapping;
import dev.parity.core.readiness.ExitCriteria;
import dev.parity.core.readiness.Readiness;
import dev.parity.core.repository.CheckResultRepository;
import dev.parity.core.repository.CheckResultRepository.Latest;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyType;
import dev.parity.core.repository.SchemaRepository;
import dev.parity.reports.SignOffReport.TrendPoint;
import dev.parity.reports.SignOffReportBuilder;

/** What the dashboard shows: the exit criteria and verdict, and the state of each table pair. */
@Service
@ConditionalOnWebApplication
public class Dashboard {

	private final ParityConfig config;

	private final ExitCriteria exitCriteria;

	private final CheckResultRepository results;

	private final DiscrepancyRepository discrepancies;

	private final SchemaRepository schemas;

	private final SignOffReportBuilder reports;

	private final Clock clock;

	Dashboard(ParityConfig config, ExitCriteria exitCriteria, CheckResultRepository results,
			DiscrepancyRepository discrepancies, SchemaRepository schemas, SignOffReportBuilder reports, Clock clock) {
		this.config = config;
		this.exitCriteria = exitCriteria;
		this.results = results;
		this.discrepancies = discrepancies;
		this.schemas = schemas;
		this.reports = reports;
		this.clock = clock;
	}

	/**
	 * One table pair now.
	 *
	 * @param counts the latest counts result (variance, in-flight rows, lag alert), or null
	 * @param diff the latest diff result (match rate, rows in flight), or null
	 * @param open open discrepancies by type
	 * @param paused whether a schema conflict (or a pause rule) paused it until resumed
	 */
	public record TableStatus(String name, boolean critical, Latest counts, Latest diff,
			Map<DiscrepancyType, Integer> open, int openTotal, boolean paused) {
	}

	/** The dashboard: the verdict with every criterion, and every configured table pair. */
	public record View(Readiness readiness, List<TableStatus> tables, Instant at) {
	}

	public View view() {
		Map<String, Latest> counts = results.latest("COUNTS");
		Map<String, Latest> diffs = results.latest("DIFF");
		Map<String, Map<DiscrepancyType, Integer>> open = discrepancies.openByTableAndType();
		Set<String> paused = schemas.paused();
		List<TableStatus> tables = new ArrayList<>();
		for (TableMapping table : config.tables()) {
			Map<DiscrepancyType, Integer> byType = open.getOrDefault(table.name(), Map.of());
			tables.add(new TableStatus(table.name(), table.critical(), counts.get(table.name()), diffs.get(table.name()),
					byType, byType.values().stream().mapToInt(Integer::intValue).sum(), paused.contains(table.name())));
		}
		return new View(exitCriteria.evaluate(), tables, clock.instant());
	}

	/** The trend of one table pair (the sign-off report's points). */
	public List<TrendPoint> trend(String table) {
		requireTable(table);
		return reports.trend(table);
	}

	void requireTable(String table) {
		if (config.tables().stream().noneMatch((t) -> t.name().equals(table))) {
			throw new java.util.NoSuchElementException("there is no table pair named '" + table + "' in parity.yml");
		}
	}

}
