package dev.parity.core.cutover;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parity.core.config.WebhookSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a JSON body to {@code parity.cutover.webhook.url}: one attempt, then up to {@code retries}
 * more on a failure (no answer, or a status other than 2xx), pausing {@code backoff}, doubled each time.
 * Without a URL nothing is posted.
 */
public class WebhookNotifier {

	private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The outcome of one notification.
	 *
	 * @param delivered whether a 2xx answer came back
	 * @param attempts how many requests were sent (0 without a URL)
	 * @param outcome one sentence, e.g. {@code delivered (HTTP 200) after 2 attempts}
	 */
	public record Delivery(boolean delivered, int attempts, String outcome) {
	}

	private final WebhookSettings settings;

	private final HttpClient http;

	public WebhookNotifier(WebhookSettings settings) {
		this.settings = settings;
		this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
	}

	public Delivery post(Map<String, ?> body) {
		if (settings.url() == null) {
			return new Delivery(false, 0, "not sent: no webhook configured (parity.cutover.webhook.url)");
		}
		String json = JSON.writeValueAsString(body);
		String failure = "";
		Duration pause = settings.backoff();
		int attempts = 0;
		for (int attempt = 0; attempt <= settings.retries(); attempt++) {
			if (attempt > 0 && !sleep(pause)) {
				break;
			}
			if (attempt > 0) {
				pause = pause.multipliedBy(2);
			}
			attempts++;
			try {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.url()))
					.timeout(settings.timeout())
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(json))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() / 100 == 2) {
					return new Delivery(true, attempts, "delivered (HTTP " + response.statusCode() + ") after "
							+ attempts + (attempts == 1 ? " attempt" : " attempts"));
				}
				failure = "HTTP " + response.statusCode();
			}
			catch (IOException ex) {
				failure = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failure = "interrupted";
				break;
			}
		}
		String outcome = "failed after " + attempts + (attempts == 1 ? " attempt" : " attempts") + ": " + failure;
		log.warn("webhook {}: {}", host(), outcome);
		return new Delivery(false, attempts, outcome);
	}

	// The URL may carry a token (chat hooks do): logs name the host only.
	private String host() {
		return URI.create(settings.url()).getHost();
	}

	private static boolean sleep(Duration pause) {
		try {
			Thread.sleep(pause);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
