package dev.parity.core.dialect;

import java.util.Optional;

import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

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

	/**
	 * jOOQ's MARIADB dialect reads system-versioning columns of {@code information_schema} that
	 * MariaDB before 11 lacks; the MySQL catalog queries work on both.
	 */
	@Override
	public SQLDialect metaDialect() {
		return SQLDialect.MYSQL;
	}

	@Override
	public Optional<String> readOnlySessionSql() {
		return Optional.of("SET SESSION TRANSACTION READ ONLY");
	}

	@Override
	public Field<?> binaryText(Field<?> value) {
		return DSL.field("CAST(CONVERT({0} USING utf8mb4) AS BINARY)", Object.class, value);
	}

}
