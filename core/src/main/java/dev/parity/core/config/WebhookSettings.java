package dev.parity.core.config;

import java.time.Duration;

/**
 * {@code parity.cutover.webhook}: where the kill switch and lag alerts post their JSON.
 *
 * @param url an http(s) URL (default: none, nothing is posted; the audit log still records)
 * @param retries further attempts after a failed one (default 3)
 * @param timeout how long one attempt may take (default 5s)
 * @param backoff the pause before the first retry, doubled before each next one (default 1s)
 */
public record WebhookSettings(String url, Integer retries, Duration timeout, Duration backoff) {

	public static final WebhookSettings DEFAULTS = new WebhookSettings(null, null, null, null);

	public WebhookSettings {
		retries = retries == null ? 3 : retries;
		timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
		backoff = backoff == null ? Duration.ofSeconds(1) : backoff;
	}

}
