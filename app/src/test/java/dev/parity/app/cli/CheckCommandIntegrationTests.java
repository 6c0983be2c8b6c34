package dev.parity.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;

/** {@code ./parity check} against real MariaDB (source) and PostgreSQL (target). */
@RequiresDatabase({ TestDatabases.MARIADB, TestDatabases.POSTGRES })
class CheckCommandIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void liveProblemsAreAllListedBeforeAnythingRuns() throws Exception {
		try (TestSchema source = TestDatabases.MARIADB.freshSchema(); TestSchema target = TestDatabases.POSTGRES.freshSchema()) {
			source.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(20))",
					"CREATE TABLE tags (tag VARCHAR(10), n INT)", "INSERT INTO tags VALUES ('a', 1), ('a', 2)");
			target.execute("CREATE TABLE customers (id INT PRIMARY KEY, full_name VARCHAR(20))",
					"CREATE TABLE tags (tag VARCHAR(10), n INT)");
			Path config = dir.resolve("parity.yml");
			Files.writeString(config, """
					parity:
					  source: { url: "%s", username: "%s", password: "%s" }
					  target: { url: "%s", username: "%s", password: "%s" }
					  control: { url: "jdbc:h2:file:%s/control" }
					  tables:
					    - name: customers
					      columns: { full_name: "upper(nam)" }
					    - name: tags
					      key: [tag]
					    - name: ghosts
					""".formatted(source.url(), source.user(), source.password(), target.url(), target.user(),
					target.password(), dir));
			CliRun run = CliRun.of("check", "counts", "--config", config.toString());
			assertThat(run.exitCode()).isEqualTo(2);
			assertThat(run.err().lines()).hasSize(5)
				.contains("error: the configuration has 4 problems:")
				.anyMatch((l) -> l.startsWith("  parity.tables[0].columns.full_name: the source cannot evaluate 'upper(nam)': "))
				.contains("  parity.tables[1].key: (tag) is not unique in source table tags: a occurs more than once")
				.contains("  parity.tables[2].source: table ghosts does not exist in the source database")
				.contains("  parity.tables[2].target: table ghosts does not exist in the target database");

			Files.writeString(config, Files.readString(config).replace("upper(nam)", "upper(name)").replace("key: [tag]",
					"key: [tag, n]").replace("    - name: ghosts\n", ""));
			source.execute("INSERT INTO customers VALUES (1, 'ann')");
			target.execute("INSERT INTO customers VALUES (1, 'ANN'), (2, 'BOB')", "INSERT INTO tags VALUES ('a', 1), ('a', 2)");
			CliRun counts = CliRun.of("check", "counts", "--config", config.toString());
			assertThat(counts.exitCode()).as(counts.err()).isEqualTo(1);
			assertThat(counts.out()).containsPattern("customers +1 +2 +0/0 +100\\.0000 %.*COUNT_MISMATCH")
				.containsPattern("tags +2 +2 +0/0 +0\\.0000 % .* pass");
		}
	}

}
