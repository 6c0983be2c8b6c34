package dev.parity.core.config;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One database connection from {@code parity.yml}.
 *
 * <p>The password never appears in {@link #toString()}, logs or error messages; a password given in
 * the URL ({@code ?password=...}) is masked by {@link #safeUrl()}.
 *
 * <p>Timeouts, so that a database or network that stops answering fails the step instead of hanging it:
 * {@code connectTimeout} (default 10 s) bounds opening a connection, {@code socketTimeout} (default 30 min)
 * any single wait for the database's reply, and {@code stallTimeout} (default 2 min) the wait for the next
 * rows of a row stream once it has started. Zero switches one off. A driver setting of the same name in
 * the URL wins over the first two.
 */
public record ConnectionSettings(@Required String url, String username, String password, Integer poolSize,
		Duration connectTimeout, Duration socketTimeout, Duration stallTimeout, java.time.ZoneId timeZone) {

	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofMinutes(30);

	public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofMinutes(2);

	private static final Pattern URL_SECRET = Pattern.compile("(?i)(password|pwd)=[^&;]*");

	/**
	 * @param timeZone the zone of this database's naive date-times ({@code DATETIME}, {@code timestamp}
	 * without time zone) where they are compared with or written to instants on the other side; UTC when
	 * not set
	 */
	public ConnectionSettings {
		poolSize = poolSize == null ? 4 : poolSize;
		connectTimeout = orDefault(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connect-timeout");
		socketTimeout = orDefault(socketTimeout, DEFAULT_SOCKET_TIMEOUT, "socket-timeout");
		stallTimeout = orDefault(stallTimeout, DEFAULT_STALL_TIMEOUT, "stall-timeout");
	}

	/** A connection with the default timeouts. */
	public ConnectionSettings(String url, String username, String password, Integer poolSize) {
		this(url, username, password, poolSize, null, null, null, null);
	}

	/** A connection with these timeouts, naive date-times in UTC. */
	public ConnectionSettings(String url, String username, String password, Integer poolSize, Duration connectTimeout,
			Duration socketTimeout, Duration stallTimeout) {
		this(url, username, password, poolSize, connectTimeout, socketTimeout, stallTimeout, null);
	}

	private static Duration orDefault(Duration value, Duration fallback, String key) {
		if (value == null) {
			return fallback;
		}
		if (value.isNegative()) {
			throw new IllegalArgumentException(key + " must not be negative (0 switches it off)");
		}
		return value;
	}

	/** The same connection with another pool size. */
	public ConnectionSettings withPoolSize(int size) {
		return new ConnectionSettings(url, username, password, size, connectTimeout, socketTimeout, stallTimeout, timeZone);
	}

	/** The same connection with other timeouts (null keeps the default). */
	public ConnectionSettings withTimeouts(Duration connect, Duration socket, Duration stall) {
		return new ConnectionSettings(url, username, password, poolSize, connect, socket, stall, timeZone);
	}

	/** The same connection with naive date-times in {@code zone}. */
	public ConnectionSettings withTimeZone(java.time.ZoneId zone) {
		return new ConnectionSettings(url, username, password, poolSize, connectTimeout, socketTimeout, stallTimeout, zone);
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
		return "ConnectionSettings[url=" + safeUrl() + ", username=" + username + ", password=***, connectTimeout="
				+ connectTimeout + ", socketTimeout=" + socketTimeout + ", stallTimeout=" + stallTimeout
				+ (timeZone == null ? "" : ", timeZone=" + timeZone) + "]";
	}

}
