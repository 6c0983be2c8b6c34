package dev.parity.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import dev.parity.core.readiness.Criterion;
import dev.parity.core.repository.Discrepancy;

/**
 * The sign-off report's data as one CSV for audit tooling, in long form: a header
 * {@code section,table,item,value} and one row per figure, RFC 4180 quoting. The critical
 * discrepancies are listed in full here (not only the first N).
 */
public final class ReportCsvWriter {

	private ReportCsvWriter() {
	}

	public static void write(Appendable out, SignOffReport report, Iterable<Discrepancy> allCritical) {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader("section", "table", "item", "value").get();
		try (CSVPrinter csv = new CSVPrinter(out, format)) {
			csv.printRecord("report", null, "name", report.name());
			csv.printRecord("report", null, "period from", report.periodFrom());
			csv.printRecord("report", null, "period to", report.periodTo());
			csv.printRecord("report", null, "generated at", report.generatedAt());
			csv.printRecord("report", null, "verdict", report.readiness().verdict());
			for (Criterion c : report.readiness().criteria()) {
				csv.printRecord("exit criterion", null, c.name(), c.measured() + " | threshold " + c.threshold() + " | "
						+ (c.passed() ? "PASS" : "FAIL") + " | since " + (c.since() == null ? "-" : c.since().truncatedTo(ChronoUnit.SECONDS)));
			}
			for (SignOffReport.TableSection t : report.tables()) {
				csv.printRecord("table", t.table(), "critical", t.critical());
				csv.printRecord("table", t.table(), "latest counts", t.counts());
				csv.printRecord("table", t.table(), "field match rate", t.matchRate());
				csv.printRecord("table", t.table(), "discrepancies", t.discrepancies());
				csv.printRecord("table", t.table(), "reconciliation", t.reconciliation());
				csv.printRecord("table", t.table(), "notes", t.notes());
				for (SignOffReport.TrendPoint p : t.history()) {
					csv.printRecord("trend", t.table(), p.at().truncatedTo(ChronoUnit.SECONDS),
							(p.matchRatePercent() == null ? "" : p.matchRatePercent() + " % match; ") + p.openDiscrepancies() + " open");
				}
			}
			csv.printRecord("critical discrepancies", null, "total open", report.criticalTotal());
			for (Discrepancy d : allCritical) {
				csv.printRecord("critical discrepancy", d.table(), d.type() + (d.column() == null ? "" : " " + d.column())
						+ (d.key() == null ? "" : " " + d.key()), d.source() + " -> " + d.target());
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
