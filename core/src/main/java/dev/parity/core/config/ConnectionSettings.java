package dev.parity.core.config;

import java.util.regex.Pattern;

/**
 * One database connection from {@code parity.yml}.
 *
 * <p>The password never appears in {@link #toString()}, logs or error messages; a password given in
 * the URL ({@code ?password=...}) is masked by {@link #safeUrl()}.
 */
public record ConnectionSettings(@Required String url, String username, String password, Integer poolSize) {

	private static final Pattern URL_SECRET = Pattern.compile("(?i)(password|pwd)=[^&;]*");

	public ConnectionSettings {
		poolSize = poolSize == null ? 4 : poolSize;
	}

	/** The URL with any embedded password replaced by {@code ***}. */
	public String safeUrl() {
		return url == null ? null : URL_SECRET.matcher(url).replaceAll("$1=***");
	}

	@Override
	public String toString() {
		return "ConnectionSettings[url=" + safeUrl() + ", username=" + username + ", password=***]";
	}

}
