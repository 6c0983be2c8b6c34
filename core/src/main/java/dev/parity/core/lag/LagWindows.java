package dev.parity.core.lag;

import java.time.Duration;

import dev.parity.core.config.ParityConfig;
import dev.parity.core.repository.LagRepository;

/**
 * The one place that decides each table's lag window for a comparison job (diff, checksum): ask it
 * once per run and table, at the start, and use the answer for the whole run; put its
 * {@link EffectiveLagWindow#note()} in the run's report. See {@link EffectiveLagWindow} for the rule.
 */
public class LagWindows {

	private final Duration configured;

	private final Duration threshold;

	private final LagRepository lags;

	public LagWindows(ParityConfig config, LagRepository lags) {
		this.configured = config.lagWindow();
		this.threshold = config.cutover().lag().threshold();
		this.lags = lags;
	}

	/** The window for {@code table}, from its latest recorded lag. */
	public EffectiveLagWindow of(String table) {
		return lags.latest(table)
			.map((p) -> EffectiveLagWindow.of(table, configured, threshold, p.lag(), p.at()))
			.orElseGet(() -> EffectiveLagWindow.of(table, configured, threshold, null, null));
	}

}
