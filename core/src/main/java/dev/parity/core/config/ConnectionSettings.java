package dev.parity.core.config;

import java.util.regex.Pattern;

/**
 * One database connection from {@code parity.yml}.
 *
 * <p>The password never appears in {@link #toString()}, logs or error messages; a password given in
 * the URL ({@code ?password=...}) is masked by {@link #safeUrl()}.
 */
public record ConnectionSettings(@Required String url, String username, String password, Integer poolSize,
		java.time.ZoneId timeZone) {

	private static final Pattern URL_SECRET = Pattern.compile("(?i)(password|pwd)=[^&;]*");

	/**
	 * @param timeZone the zone of this database's naive date-times ({@code DATETIME}, {@code timestamp}
	 * without time zone) where they are compared with or written to instants on the other side; UTC when
	 * not set
	 */
	public ConnectionSettings {
		poolSize = poolSize == null ? 4 : poolSize;
	}

	public ConnectionSettings(String url, String username, String password, Integer poolSize) {
		this(url, username, password, poolSize, null);
	}

	/** {@link #timeZone()}, or UTC when not set. */
	public java.time.ZoneId naiveZone() {
		return timeZone == null ? java.time.ZoneOffset.UTC : timeZone;
	}

	/** The URL with any embedded password replaced by {@code ***}. */
	public String safeUrl() {
		return url == null ? null : URL_SECRET.matcher(url).replaceAll("$1=***");
	}

	@Override
	public String toString() {
		return "ConnectionSettings[url=" + safeUrl() + ", username=" + username + ", password=***"
				+ (timeZone == null ? "" : ", timeZone=" + timeZone) + "]";
	}

}
