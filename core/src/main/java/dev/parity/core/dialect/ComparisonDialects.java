package dev.parity.core.dialect;

import java.util.Locale;
import java.util.Map;

import org.jooq.SQLDialect;

/**
 * Picks the {@link ComparisonDialect} for a JDBC URL. Supported: PostgreSQL, MariaDB, MySQL, H2.
 */
public final class ComparisonDialects {

	private static final Map<String, ComparisonDialect> BY_PREFIX = Map.of(
			"jdbc:postgresql:", new PostgresComparisonDialect(),
			"jdbc:mariadb:", new MariaDbComparisonDialect(SQLDialect.MARIADB),
			"jdbc:mysql:", new MariaDbComparisonDialect(SQLDialect.MYSQL),
			"jdbc:h2:", new H2ComparisonDialect());

	private ComparisonDialects() {
	}

	/**
	 * @throws UnsupportedDatabaseException naming the supported engines, when the URL is none of them
	 */
	public static ComparisonDialect forUrl(String url) {
		String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
		return BY_PREFIX.entrySet()
			.stream()
			.filter((e) -> lower.startsWith(e.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow(() -> new UnsupportedDatabaseException(
					"is not a supported JDBC URL; Parity supports jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql: and jdbc:h2:"));
	}

	/** Thrown for a URL of an engine Parity does not support. */
	public static class UnsupportedDatabaseException extends RuntimeException {

		UnsupportedDatabaseException(String message) {
			super(message);
		}

	}

}
