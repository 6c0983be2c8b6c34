package dev.parity.core.config;

import java.time.Duration;

/**
 * {@code parity.sla}: the target's response-time objective, judged at peak against the samples
 * recorded with {@code ./parity sla record}.
 *
 * @param responseTime the p95 response time the target must stay within (no default: without it the
 *     criterion cannot pass)
 * @param window how far back samples count (default 30d)
 */
public record SlaSettings(Duration responseTime, Duration window) {

	public static final SlaSettings DEFAULTS = new SlaSettings(null, null);

	public SlaSettings {
		window = window == null ? Duration.ofDays(30) : window;
	}

}
