package dev.parity.core.dialect;

import java.util.Optional;

import org.jooq.SQLDialect;

/** MariaDB 10.6+ and MySQL 8 (the same SQL for what Parity needs; jOOQ renders each). */
final class MariaDbComparisonDialect implements ComparisonDialect {

	private final SQLDialect sqlDialect;

	MariaDbComparisonDialect(SQLDialect sqlDialect) {
		this.sqlDialect = sqlDialect;
	}

	@Override
	public String name() {
		return sqlDialect == SQLDialect.MYSQL ? "mysql" : "mariadb";
	}

	@Override
	public SQLDialect sqlDialect() {
		return sqlDialect;
	}

	@Override
	public Optional<String> readOnlySessionSql() {
		return Optional.of("SET SESSION TRANSACTION READ ONLY");
	}

}
