package dev.parity.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

import dev.parity.core.readiness.Criterion;
import dev.parity.core.repository.Discrepancy;

/**
 * Renders a {@link SignOffReport} as one PDF with JasperReports, from the templates in
 * {@code reports/src/main/resources/reports}: cover, exit criteria, one section per table pair
 * (with its trend chart), the open critical discrepancies (the first N and the total, so a table with
 * thousands of discrepancies never makes a thousand-page report), and the sign-off block. Fonts are
 * DejaVu (jasperreports-fonts), embedded, so non-Latin text prints as it is. Templates are compiled
 * once per process.
 */
public class PdfReportRenderer {

	private static final Map<String, JasperReport> COMPILED = new ConcurrentHashMap<>();

	public void render(SignOffReport report, OutputStream out) {
		try {
			Map<String, Object> common = Map.of("ReportName", report.name(), "GeneratedAt", report.generatedAt());
			List<JasperPrint> pages = new ArrayList<>();
			pages.add(fill("cover", common, cover(report), null));
			pages.add(fill("criteria", common, Map.of("Verdict", report.readiness().verdict()), criteria(report)));
			pages.add(fill("tables", common, Map.of(), tables(report)));
			pages.add(fill("discrepancies", common,
					Map.of("Total", report.criticalTotal(), "Shown", report.criticalOpen().size()), discrepancies(report)));
			Map<String, Object> signOff = new HashMap<>();
			signOff.put("PreparedBy", report.preparedBy());
			signOff.put("ReviewedBy", report.reviewedBy());
			signOff.put("ApprovedBy", report.approvedBy());
			signOff.put("Verdict", report.readiness().verdict());
			pages.add(fill("signoff", common, signOff, null));
			pages.forEach((p) -> p.setProperty("net.sf.jasperreports.export.pdf.metadata.title", "Sign-off report: " + report.name()));
			JRPdfExporter exporter = new JRPdfExporter();
			exporter.setExporterInput(SimpleExporterInput.getInstance(pages));
			exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
			SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
			configuration.setMetadataTitle("Sign-off report: " + report.name());
			configuration.setMetadataCreator("Parity");
			exporter.setConfiguration(configuration);
			exporter.exportReport();
		}
		catch (JRException ex) {
			throw new IllegalStateException("the sign-off report could not be rendered: " + ex.getMessage(), ex);
		}
	}

	private static JasperPrint fill(String template, Map<String, Object> common, Map<String, Object> parameters,
			List<Map<String, ?>> rows) throws JRException {
		Map<String, Object> all = new HashMap<>(common);
		all.putAll(parameters);
		return JasperFillManager.fillReport(compiled(template), all,
				rows == null ? new JREmptyDataSource(1) : new JRMapCollectionDataSource(new ArrayList<>(rows)));
	}

	private static Map<String, Object> cover(SignOffReport report) {
		Map<String, Object> p = new HashMap<>();
		p.put("PeriodFrom", report.periodFrom());
		p.put("PeriodTo", report.periodTo());
		p.put("Verdict", report.readiness().verdict());
		p.put("Tables", report.tables().size());
		p.put("OpenDiscrepancies", report.openDiscrepancies());
		p.put("OpenCritical", report.criticalTotal());
		p.put("SourceUrl", report.sourceUrl());
		p.put("TargetUrl", report.targetUrl());
		return p;
	}

	private static List<Map<String, ?>> criteria(SignOffReport report) {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (Criterion c : report.readiness().criteria()) {
			rows.add(Map.of("name", c.name(), "measured", c.measured(), "threshold", c.threshold(), "verdict",
					c.passed() ? "PASS" : "FAIL", "since",
					c.since() == null ? "-" : SignOffReportBuilder.TIME.format(c.since().truncatedTo(ChronoUnit.MINUTES))));
		}
		return rows;
	}

	private static List<Map<String, ?>> tables(SignOffReport report) {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (SignOffReport.TableSection t : report.tables()) {
			Map<String, Object> row = new HashMap<>();
			row.put("table", t.table());
			row.put("critical", t.critical() ? "yes" : "no");
			row.put("counts", t.counts());
			row.put("matchRate", t.matchRate());
			row.put("discrepancies", t.discrepancies());
			row.put("reconciliation", t.reconciliation());
			row.put("notes", t.notes());
			row.put("chart", TrendChart.render(t.table(), t.history()));
			rows.add(row);
		}
		return rows;
	}

	private static List<Map<String, ?>> discrepancies(SignOffReport report) {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (Discrepancy d : report.criticalOpen()) {
			Map<String, Object> row = new HashMap<>();
			row.put("table", d.table());
			row.put("key", d.key() == null ? "-" : d.key().toString());
			row.put("type", d.type().name());
			row.put("column", d.column() == null ? "-" : d.column());
			row.put("source", abbreviate(d.source()));
			row.put("target", abbreviate(d.target()));
			rows.add(row);
		}
		return rows;
	}

	private static String abbreviate(String value) {
		if (value == null) {
			return "NULL";
		}
		return value.length() > 120 ? value.substring(0, 119) + "…" : value;
	}

	private static JasperReport compiled(String template) {
		return COMPILED.computeIfAbsent(template, (name) -> {
			try (InputStream in = PdfReportRenderer.class.getResourceAsStream("/reports/" + name + ".jrxml")) {
				return JasperCompileManager.compileReport(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (JRException ex) {
				throw new IllegalStateException("report template " + name + ".jrxml does not compile: " + ex.getMessage(), ex);
			}
		});
	}

}
