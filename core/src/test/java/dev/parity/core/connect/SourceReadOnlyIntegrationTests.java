package dev.parity.core.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;

/**
 * The source is read-only in two independent layers, proven against real MariaDB and PostgreSQL:
 * writes through Parity's source access are refused by the guard before they reach the database,
 * and the same writes on a raw pooled source connection (bypassing the guard) are refused by the
 * read-only session. Afterwards the source is unchanged.
 */
@RequiresDatabase({ TestDatabases.POSTGRES, TestDatabases.MARIADB })
class SourceReadOnlyIntegrationTests {

	private static final List<String> WRITES = List.of("INSERT INTO accounts (id, owner) VALUES (4, 'dora')",
			"UPDATE accounts SET owner = 'eve' WHERE id = 1", "DELETE FROM accounts WHERE id = 2",
			"CREATE TABLE sneaky (a INT)", "DROP TABLE accounts", "ALTER TABLE accounts ADD COLUMN extra INT",
			"TRUNCATE TABLE accounts");

	@ParameterizedTest
	@EnumSource(TestDatabases.class)
	void theGuardRefusesEveryWriteThroughParitysSourceAccess(TestDatabases server) {
		try (TestSchema schema = seeded(server); SourceDatabase source = DatabaseConnector.source(schema.settings())) {
			DSLContext dsl = source.dsl();
			List<Consumer<DSLContext>> writes = List.of(
					(d) -> d.insertInto(table(name("accounts"))).columns(field(name("id")), field(name("owner")))
						.values(5, "mallory").execute(),
					(d) -> d.update(table(name("accounts"))).set(field(name("owner")), "eve").execute(),
					(d) -> d.deleteFrom(table(name("accounts"))).execute(),
					(d) -> d.createTable("sneaky").column("a", org.jooq.impl.SQLDataType.INTEGER).execute(),
					(d) -> d.dropTable("accounts").execute(), (d) -> d.truncate("accounts").execute());
			for (Consumer<DSLContext> write : writes) {
				assertThatExceptionOfType(SourceWriteRejectedException.class).isThrownBy(() -> write.accept(dsl));
			}
			for (String sql : WRITES) {
				assertThatExceptionOfType(SourceWriteRejectedException.class).isThrownBy(() -> dsl.execute(sql));
				assertThatExceptionOfType(SourceWriteRejectedException.class).isThrownBy(() -> dsl.fetch(sql));
			}
			assertThat(dsl.fetchCount(table(name("accounts")))).isEqualTo(3);
			assertUnchanged(schema);
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.class)
	void theReadOnlySessionRefusesDataChangesEvenWithoutTheGuard(TestDatabases server) throws SQLException {
		try (TestSchema schema = seeded(server); SourceDatabase source = DatabaseConnector.source(schema.settings())) {
			for (String sql : WRITES.subList(0, 3)) {
				try (Connection raw = source.pool().getConnection(); Statement statement = raw.createStatement()) {
					assertThatExceptionOfType(SQLException.class).as(sql).isThrownBy(() -> statement.execute(sql));
				}
			}
			assertUnchanged(schema);
		}
	}

	@Test
	void anUnreachableSourceIsOneClearSentence() {
		assertThatExceptionOfType(DatabaseUnavailableException.class)
			.isThrownBy(() -> DatabaseConnector.source(
					new dev.parity.core.config.ConnectionSettings("jdbc:postgresql://127.0.0.1:1/none", "u", "pw", 1)))
			.withMessageStartingWith("source database (jdbc:postgresql://127.0.0.1:1/none) is unreachable: ")
			.withMessageNotContaining("pw");
	}

	private static TestSchema seeded(TestDatabases server) {
		TestSchema schema = server.freshSchema();
		schema.execute("CREATE TABLE accounts (id INT PRIMARY KEY, owner VARCHAR(20) NOT NULL)",
				"INSERT INTO accounts VALUES (1, 'alice'), (2, 'bob'), (3, 'carol')");
		return schema;
	}

	private static void assertUnchanged(TestSchema schema) {
		assertThat(schema.queryLong("SELECT COUNT(*) FROM accounts")).isEqualTo(3);
		assertThat(schema.queryLong("SELECT COUNT(*) FROM accounts WHERE (id = 1 AND owner = 'alice')"
				+ " OR (id = 2 AND owner = 'bob') OR (id = 3 AND owner = 'carol')")).isEqualTo(3);
		assertThat(schema.queryLong("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'sneaky'"))
			.isZero();
	}

}
