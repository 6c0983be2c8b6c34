package dev.parity.core.dialect;

import java.util.Optional;

import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** PostgreSQL 13 and newer. */
final class PostgresComparisonDialect implements ComparisonDialect {

	@Override
	public String name() {
		return "postgresql";
	}

	@Override
	public SQLDialect sqlDialect() {
		return SQLDialect.POSTGRES;
	}

	@Override
	public Optional<String> readOnlySessionSql() {
		// Applies to autocommit statements too, unlike the driver's setReadOnly (transaction mode).
		return Optional.of("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
	}

	@Override
	public String quartzDelegate() {
		return "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate";
	}

	@Override
	public Optional<String> controlVendor() {
		return Optional.of("postgresql");
	}

	@Override
	public Field<?> binaryText(Field<?> value) {
		return DSL.field("(CAST({0} AS VARCHAR) COLLATE \"C\")", Object.class, value);
	}

}
