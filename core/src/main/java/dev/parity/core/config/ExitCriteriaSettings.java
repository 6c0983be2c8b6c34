package dev.parity.core.config;

/**
 * {@code parity.exit-criteria}: when the target is ready for cutover.
 *
 * @param criticalFreeDays consecutive days without a critical defect (default 30)
 * @param countVariance largest record-count variance at the latest counts run of every table
 *     (default 0.0001 = 0.01 %)
 * @param matchRate smallest field match rate at the latest diff of every table (default 0.999)
 */
public record ExitCriteriaSettings(Integer criticalFreeDays, Double countVariance, Double matchRate) {

	public static final ExitCriteriaSettings DEFAULTS = new ExitCriteriaSettings(null, null, null);

	public ExitCriteriaSettings {
		criticalFreeDays = criticalFreeDays == null ? 30 : criticalFreeDays;
		countVariance = countVariance == null ? 0.0001 : countVariance;
		matchRate = matchRate == null ? 0.999 : matchRate;
	}

}
