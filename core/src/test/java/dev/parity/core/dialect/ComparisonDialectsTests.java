package dev.parity.core.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** Dialect SQL rendered and checked without a database. */
class ComparisonDialectsTests {

	private static String render(String url) {
		ComparisonDialect dialect = ComparisonDialects.forUrl(url);
		return DSL.using(dialect.sqlDialect()).render(dialect.binaryText(DSL.field(DSL.name("sku"))));
	}

	@Test
	void textKeysSortInCodePointOrderOnEveryEngine() {
		assertThat(render("jdbc:postgresql://h/db")).isEqualTo("(CAST(\"sku\" AS VARCHAR) COLLATE \"C\")");
		assertThat(render("jdbc:mariadb://h/db")).isEqualTo("CAST(CONVERT(`sku` USING utf8mb4) AS BINARY)");
		assertThat(render("jdbc:mysql://h/db")).isEqualTo("CAST(CONVERT(`sku` USING utf8mb4) AS BINARY)");
		assertThat(render("jdbc:h2:mem:x")).isEqualTo("CAST(CAST(\"sku\" AS VARCHAR) AS VARBINARY)");
	}

	@Test
	void sourceSessionsAreReadOnly() {
		assertThat(ComparisonDialects.forUrl("jdbc:postgresql://h/db").readOnlySessionSql())
			.contains("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
		assertThat(ComparisonDialects.forUrl("jdbc:mariadb://h/db").readOnlySessionSql())
			.contains("SET SESSION TRANSACTION READ ONLY");
		assertThat(ComparisonDialects.forUrl("jdbc:h2:file:./x").readOnlyUrl("jdbc:h2:file:./x"))
			.isEqualTo("jdbc:h2:file:./x;ACCESS_MODE_DATA=r");
	}

	@Test
	void quartzUsesTheEnginesDelegate() {
		assertThat(ComparisonDialects.forUrl("jdbc:postgresql://h/db").quartzDelegate())
			.isEqualTo("org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
		assertThat(ComparisonDialects.forUrl("jdbc:h2:file:./x").quartzDelegate())
			.isEqualTo("org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
	}

	@Test
	void unsupportedUrlsAreNamed() {
		assertThatExceptionOfType(ComparisonDialects.UnsupportedDatabaseException.class)
			.isThrownBy(() -> ComparisonDialects.forUrl("jdbc:oracle:thin:@h:1521/x"))
			.withMessageContaining("jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql: and jdbc:h2:");
	}

}
