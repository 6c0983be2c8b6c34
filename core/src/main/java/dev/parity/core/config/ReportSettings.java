package dev.parity.core.config;

/**
 * {@code parity.report}: the sign-off report.
 *
 * @param maxDiscrepancies open critical discrepancies listed (the total is always shown; default 50)
 * @param preparedBy name printed in the sign-off block (optional)
 * @param reviewedBy name printed in the sign-off block (optional)
 * @param approvedBy name printed in the sign-off block (optional)
 * @param directory where {@code reportJob} (the weekly schedule) and {@code ./parity report} without
 *     {@code --out} write their PDFs (default {@code ./parity-data/reports})
 */
public record ReportSettings(Integer maxDiscrepancies, String preparedBy, String reviewedBy, String approvedBy,
		String directory) {

	public static final ReportSettings DEFAULTS = new ReportSettings(null, null, null, null, null);

	public ReportSettings {
		maxDiscrepancies = maxDiscrepancies == null ? 50 : maxDiscrepancies;
		directory = directory == null || directory.isBlank() ? "parity-data/reports" : directory;
	}

}
