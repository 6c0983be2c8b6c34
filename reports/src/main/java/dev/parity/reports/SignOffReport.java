package dev.parity.reports;

import java.util.List;

import dev.parity.core.readiness.Readiness;
import dev.parity.core.repository.Discrepancy;

/**
 * Everything the sign-off report shows, read from the control database at one moment.
 *
 * @param periodFrom start of the parallel run (first Parity run), or null when nothing ran
 * @param criticalOpen the first open critical discrepancies, at most {@code parity.report.max-discrepancies}
 * @param criticalTotal how many open critical discrepancies there are in all
 */
public record SignOffReport(String name, String periodFrom, String periodTo, String generatedAt, Readiness readiness,
		String sourceUrl, String targetUrl, int openDiscrepancies, List<TableSection> tables,
		List<Discrepancy> criticalOpen, int criticalTotal, String preparedBy, String reviewedBy, String approvedBy) {

	/**
	 * One table pair's page section.
	 *
	 * @param counts latest counts and variance as text ("1000 / 998, variance 0.2000 %"), or "no counts run"
	 * @param matchRate latest match rate as text, or "no diff run"
	 * @param discrepancies counts by type and status as text
	 * @param reconciliation fixes and other audited actions as text
	 * @param notes what the latest diff and checksum of the table noted (a lag window widened while
	 * replication lagged, a table hashed in Parity rather than by the databases), one per line, or "none"
	 * @param history points of the trend chart
	 */
	public record TableSection(String table, boolean critical, String counts, String matchRate, String discrepancies,
			String reconciliation, String notes, List<TrendPoint> history) {
	}

	/** A point of a table's trend: match rate (percent, null without a diff) and open discrepancies. */
	public record TrendPoint(java.time.Instant at, Double matchRatePercent, int openDiscrepancies) {
	}

}
