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
	void timeoutsAreEachDriversOwnPropertiesInItsOwnUnits() {
		java.time.Duration connect = java.time.Duration.ofMillis(1500);
		java.time.Duration socket = java.time.Duration.ofMinutes(30);
		assertThat(ComparisonDialects.forUrl("jdbc:postgresql://h/db").timeoutProperties(connect, socket))
			.containsOnly(java.util.Map.entry("connectTimeout", "2"), java.util.Map.entry("loginTimeout", "2"),
					java.util.Map.entry("socketTimeout", "1800"));
		assertThat(ComparisonDialects.forUrl("jdbc:postgresql://h/db").timeoutProperties(java.time.Duration.ZERO,
				java.time.Duration.ZERO)).containsEntry("socketTimeout", "0").containsEntry("connectTimeout", "0");
		assertThat(ComparisonDialects.forUrl("jdbc:mariadb://h/db").timeoutProperties(connect, socket))
			.containsOnly(java.util.Map.entry("connectTimeout", "1500"), java.util.Map.entry("socketTimeout", "1800000"));
		assertThat(ComparisonDialects.forUrl("jdbc:h2:mem:x").timeoutProperties(connect, socket)).isEmpty();
		assertThat(ComparisonDialect.urlSets("jdbc:postgresql://h/db?ssl=true&SocketTimeout=7200", "socketTimeout")).isTrue();
		assertThat(ComparisonDialect.urlSets("jdbc:postgresql://h/db?ssl=true", "socketTimeout")).isFalse();
	}

	@Test
	void anH2ControlFileWritesEachCommitBeforeItReturnsUnlessTheUrlSaysOtherwise() {
		ComparisonDialect h2 = ComparisonDialects.forUrl("jdbc:h2:file:./parity-data/control");
		assertThat(h2.durableControlUrl("jdbc:h2:file:./parity-data/control"))
			.isEqualTo("jdbc:h2:file:./parity-data/control;WRITE_DELAY=0");
		assertThat(h2.durableControlUrl("jdbc:h2:file:./c;write_delay=100")).isEqualTo("jdbc:h2:file:./c;write_delay=100");
		assertThat(h2.durableControlUrl("jdbc:h2:mem:c;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:c;DB_CLOSE_DELAY=-1");
		assertThat(ComparisonDialects.forUrl("jdbc:postgresql://h/db").durableControlUrl("jdbc:postgresql://h/db"))
			.isEqualTo("jdbc:postgresql://h/db");
	}

	@Test
	void textKeysSortInCodePointOrderOnEveryEngine() {
		assertThat(render("jdbc:postgresql://h/db")).isEqualTo("(CAST(\"sku\" AS VARCHAR) COLLATE \"C\")");
		assertThat(render("jdbc:mariadb://h/db")).isEqualTo("CAST(CONVERT(`sku` USING utf8mb4) AS BINARY)");
		assertThat(render("jdbc:mysql://h/db")).isEqualTo("CAST(CONVERT(`sku` USING utf8mb4) AS BINARY)");
		assertThat(render("jdbc:h2:mem:x")).isEqualTo("CAST(CAST(\"sku\" AS VARCHAR) AS VARBINARY)");
	}

	// The checksum's SQL, rendered without a database (the type matrix proves it on each engine).
	@Test
	void rowHashesAreTheFirst60BitsOfMd5OnEveryEngine() {
		org.jooq.Field<String> text = DSL.field(DSL.name("t"), String.class);
		assertThat(renderWith("jdbc:postgresql://h/db", (d) -> d.rowHash(text)))
			.isEqualTo("CAST(CAST('x' || substr(md5(\"t\"), 1, 15) AS bit(60)) AS bigint)");
		assertThat(renderWith("jdbc:mariadb://h/db", (d) -> d.rowHash(text)))
			.isEqualTo("CAST(CONV(SUBSTRING(MD5(CONVERT(`t` USING utf8mb4)), 1, 15), 16, 10) AS UNSIGNED)");
		assertThat(renderWith("jdbc:h2:mem:x", (d) -> d.rowHash(text)))
			.isEqualTo("URSHIFT(CAST(SUBSTRING(HASH('MD5', \"t\"), 1, 8) AS BIGINT), 4)");
	}

	@Test
	void canonicalTextIsSqlWhereTheEngineCanAndEmptyWhereItCannot() {
		var decimal = new dev.parity.core.canonical.ColumnRule(dev.parity.core.canonical.ColumnKind.DECIMAL, 0, null);
		org.jooq.Field<?> amount = DSL.field(DSL.name("amount"), org.jooq.impl.SQLDataType.NUMERIC(12, 2));
		assertThat(renderWith("jdbc:postgresql://h/db", (d) -> d.canonicalText(amount, decimal).orElseThrow()))
			.isEqualTo("CAST(trim_scale(CAST(\"amount\" AS numeric)) AS varchar)");
		var nfc = new dev.parity.core.canonical.ColumnRule(dev.parity.core.canonical.ColumnKind.STRING, 0,
				new dev.parity.core.canonical.CompareOptions(false, false, true, null, null, null));
		org.jooq.Field<?> name = DSL.field(DSL.name("name"), org.jooq.impl.SQLDataType.VARCHAR(40));
		for (String url : java.util.List.of("jdbc:postgresql://h/db", "jdbc:mariadb://h/db", "jdbc:h2:mem:x")) {
			assertThat(ComparisonDialects.forUrl(url).canonicalText(name, nfc)).as(url).isEmpty();
		}
		var real = new dev.parity.core.canonical.ColumnRule(dev.parity.core.canonical.ColumnKind.FLOAT, 6, null);
		org.jooq.Field<?> single = DSL.field(DSL.name("r"), org.jooq.impl.SQLDataType.REAL);
		assertThat(ComparisonDialects.forUrl("jdbc:mariadb://h/db").canonicalText(single, real)).isEmpty();
		assertThat(ComparisonDialects.forUrl("jdbc:postgresql://h/db").canonicalText(single, real)).isPresent();
	}

	private static String renderWith(String url, java.util.function.Function<ComparisonDialect, org.jooq.Field<?>> sql) {
		ComparisonDialect dialect = ComparisonDialects.forUrl(url);
		return DSL.using(dialect.sqlDialect()).render(sql.apply(dialect));
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
