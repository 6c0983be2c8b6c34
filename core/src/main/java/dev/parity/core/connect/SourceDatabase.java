package dev.parity.core.connect;

import org.jooq.DSLContext;

import com.zaxxer.hikari.HikariDataSource;

import dev.parity.core.dialect.ComparisonDialect;

/**
 * The legacy system of record. Read-only twice over: its sessions are read-only and its
 * {@link #dsl()} refuses anything but a query. It deliberately offers no {@code DataSource}.
 */
public final class SourceDatabase extends Database {

	SourceDatabase(HikariDataSource dataSource, DSLContext dsl, ComparisonDialect dialect, java.time.Duration stallTimeout,
			java.time.ZoneId naiveZone) {
		super(Role.SOURCE, dataSource, dsl, dialect, stallTimeout, naiveZone);
	}

}
