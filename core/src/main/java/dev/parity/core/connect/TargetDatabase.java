package dev.parity.core.connect;

import javax.sql.DataSource;

import org.jooq.DSLContext;

import com.zaxxer.hikari.HikariDataSource;

import dev.parity.core.dialect.ComparisonDialect;

/** The new database under test; reconciliation writes here and only here. */
public final class TargetDatabase extends Database {

	TargetDatabase(HikariDataSource dataSource, DSLContext dsl, ComparisonDialect dialect, java.time.Duration stallTimeout,
			java.time.ZoneId naiveZone) {
		super(Role.TARGET, dataSource, dsl, dialect, stallTimeout, naiveZone);
	}

	/** For writes inside target transactions (reconciliation). */
	public DataSource dataSource() {
		return pool();
	}

}
