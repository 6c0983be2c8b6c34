package dev.parity.core.connect;

import java.sql.SQLException;
import java.time.Duration;

import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.parity.core.config.ConnectionSettings;
import dev.parity.core.dialect.ComparisonDialect;
import dev.parity.core.dialect.ComparisonDialects;

/**
 * Opens the pooled source and target connections of {@code parity.yml}. An unreachable database
 * becomes one {@link DatabaseUnavailableException} naming the connection and the reason.
 */
public final class DatabaseConnector {

	private DatabaseConnector() {
	}

	/** Opens the source: read-only session (or read-only URL) and the {@link SourceGuard}. */
	public static SourceDatabase source(ConnectionSettings settings) {
		ComparisonDialect dialect = dialect(Role.SOURCE, settings);
		HikariConfig config = poolConfig(Role.SOURCE, settings, dialect.readOnlyUrl(settings.url()));
		timeouts(config, settings, dialect);
		config.setReadOnly(true);
		dialect.streamingReadProperties().forEach(config::addDataSourceProperty);
		config.setConnectionInitSql(dialect.sessionInitSql(true));
		HikariDataSource pool = open(Role.SOURCE, settings, config);
		DefaultConfiguration jooq = baseConfiguration(pool, dialect);
		jooq.set(new DefaultExecuteListenerProvider(new SourceGuard()),
				new DefaultExecuteListenerProvider(new ConnectionFailures(Role.SOURCE, settings.url())));
		return new SourceDatabase(pool, DSL.using(jooq), dialect, settings.stallTimeout(), settings.naiveZone());
	}

	public static TargetDatabase target(ConnectionSettings settings) {
		ComparisonDialect dialect = dialect(Role.TARGET, settings);
		HikariConfig config = poolConfig(Role.TARGET, settings, settings.url());
		timeouts(config, settings, dialect);
		dialect.streamingReadProperties().forEach(config::addDataSourceProperty);
		dialect.batchWriteProperties().forEach(config::addDataSourceProperty);
		config.setConnectionInitSql(dialect.sessionInitSql(false));
		HikariDataSource pool = open(Role.TARGET, settings, config);
		DefaultConfiguration jooq = baseConfiguration(pool, dialect);
		jooq.set(new DefaultExecuteListenerProvider(new ConnectionFailures(Role.TARGET, settings.url())));
		return new TargetDatabase(pool, DSL.using(jooq), dialect, settings.stallTimeout(), settings.naiveZone());
	}

	/** The pool for Parity's control database (managed by Spring in the application). */
	public static HikariDataSource control(ConnectionSettings settings) {
		ComparisonDialect dialect = dialect(Role.CONTROL, settings);
		if (dialect.controlVendor().isEmpty()) {
			throw new DatabaseUnavailableException("parity.control.url: Parity's control database must be H2 or PostgreSQL, not "
					+ dialect.name() + " (" + settings.safeUrl() + ")", null);
		}
		HikariConfig config = poolConfig(Role.CONTROL, settings, dialect.durableControlUrl(settings.url()));
		timeouts(config, settings, dialect);
		dialect.batchWriteProperties().forEach(config::addDataSourceProperty);
		return open(Role.CONTROL, settings, config);
	}

	public static ComparisonDialect dialect(Role role, ConnectionSettings settings) {
		try {
			return ComparisonDialects.forUrl(settings.url());
		}
		catch (ComparisonDialects.UnsupportedDatabaseException ex) {
			throw new DatabaseUnavailableException("parity." + role.key() + ".url: '" + settings.safeUrl() + "' "
					+ ex.getMessage(), ex);
		}
	}

	private static DefaultConfiguration baseConfiguration(HikariDataSource pool, ComparisonDialect dialect) {
		DefaultConfiguration jooq = new DefaultConfiguration();
		jooq.set(pool);
		jooq.set(dialect.sqlDialect());
		jooq.set(new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED)
			.withExecuteLogging(false)
			.withRenderSchema(true));
		return jooq;
	}

	private static HikariConfig poolConfig(Role role, ConnectionSettings settings, String url) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("parity-" + role.key());
		config.setJdbcUrl(url);
		config.setUsername(settings.username());
		config.setPassword(settings.password());
		config.setMaximumPoolSize(settings.poolSize());
		config.setMinimumIdle(1);
		config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
		// Fail at once on start so that a wrong URL is one clear line, not a hang.
		config.setInitializationFailTimeout(1);
		return config;
	}

	/**
	 * The connect and socket timeouts of {@code parity.yml} as driver properties, so that a database or
	 * network that stops answering fails the statement instead of hanging it; one the URL sets itself wins.
	 */
	private static void timeouts(HikariConfig config, ConnectionSettings settings, ComparisonDialect dialect) {
		dialect.timeoutProperties(settings.connectTimeout(), settings.socketTimeout()).forEach((name, value) -> {
			if (!ComparisonDialect.urlSets(config.getJdbcUrl(), name)) {
				config.addDataSourceProperty(name, value);
			}
		});
	}

	private static HikariDataSource open(Role role, ConnectionSettings settings, HikariConfig config) {
		try {
			return new HikariDataSource(config);
		}
		catch (RuntimeException ex) {
			throw new DatabaseUnavailableException(role.key() + " database (" + settings.safeUrl()
					+ ") is unreachable: " + reason(ex), ex);
		}
	}

	/** The innermost message, which is the one that says why (refused, unknown database, auth). */
	static String reason(Throwable ex) {
		Throwable cause = ex;
		String message = ex.getMessage();
		while (cause != null) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				message = cause.getMessage();
			}
			if (cause instanceof SQLException && cause.getCause() == null) {
				break;
			}
			cause = cause.getCause();
		}
		return message == null ? ex.getClass().getSimpleName() : message.lines().findFirst().orElse(message).trim();
	}

}
