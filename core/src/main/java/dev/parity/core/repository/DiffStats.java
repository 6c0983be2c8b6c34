package dev.parity.core.repository;

/**
 * The statistics of one table pair in one diff run; {@code matchRate} is fields matched / fields
 * compared (1.0 when nothing was compared).
 */
public record DiffStats(String table, long rowsCompared, long rowsEqual, long rowsInFlight, long fieldsCompared,
		long fieldsMismatched) {

	public double matchRate() {
		return fieldsCompared == 0 ? 1.0 : (double) (fieldsCompared - fieldsMismatched) / fieldsCompared;
	}

}
