package dev.parity.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command-line contract without databases: help, exit codes, and configuration errors. */
class ParityCliTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "demo", "check", "reconcile", "discrepancies", "report", "status", "checkpoints", "resume",
			"cutover", "serve" })
	void everyCommandHasHelp(String command) {
		CliRun run = CliRun.of(command, "--help");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Usage: parity " + command);
	}

	@Test
	void aConfigFullOfMistakesListsEachOnItsOwnLineAndExits2() throws IOException {
		Path bad = dir.resolve("bad.yml");
		Files.writeString(bad, """
				parity:
				  source: { url: "jdbc:mariadb://127.0.0.1:3306/legacy", password: "${PARITY_TEST_UNSET_VARIABLE}" }
				  target: { url: 42, username: [a, b] }
				  lag-window: 5 minutes
				  tables:
				    - name: customers
				      key: []
				      critical: sometimes
				      colums: { a: b }
				    - source: orders
				""");
		CliRun run = CliRun.of("check", "all", "--config", bad.toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err().lines()).containsExactly("error: the configuration has 7 problems:",
				"  parity.source.password (line 2): environment variable PARITY_TEST_UNSET_VARIABLE is not set",
				"  parity.target.username (line 3): expected a text value, found a list",
				"  parity.lag-window (line 4): expected a duration such as 500ms, 30s, 5m, 2h or 1d, found '5 minutes'",
				"  parity.tables[0].critical (line 8): expected true or false, found 'sometimes'",
				"  parity.tables[0].colums (line 9): unknown key; allowed here: name, source, target, key, updated-column, critical, columns, ignore, compare, ignore-source, rules",
				"  parity.tables[1].name (line 10): is required",
				"  parity.tables[0].key: must name at least one column (leave it out to use the target's primary key)");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void aMissingConfigFileAndAnUnknownJobAreOneLineEach() {
		CliRun missing = CliRun.of("check", "counts", "--config", dir.resolve("nope.yml").toString());
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.err()).contains("nope.yml: configuration file not found");
		CliRun unknown = CliRun.of("check", "everything");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err().strip()).isEqualTo("error: check: unknown job 'everything'; use counts, diff, checksum, schema or all");
	}

	@Test
	void theControlDatabaseMustBeH2OrPostgresql() throws IOException {
		Path config = dir.resolve("parity.yml");
		Files.writeString(config, """
				parity:
				  source: { url: "jdbc:h2:mem:s" }
				  target: { url: "jdbc:h2:mem:t" }
				  control: { url: "jdbc:mariadb://127.0.0.1:3306/control", password: secret }
				  tables: [ { name: customers } ]
				""");
		CliRun run = CliRun.of("discrepancies", "--config", config.toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err().strip()).isEqualTo("error: parity.control.url: Parity's control database must be H2 or"
				+ " PostgreSQL, not mariadb (jdbc:mariadb://127.0.0.1:3306/control)");
	}

	@Test
	void unreachableDatabasesAreNamedOneLineEachWithoutPasswords() throws IOException {
		Path config = dir.resolve("parity.yml");
		Files.writeString(config, """
				parity:
				  source: { url: "jdbc:mariadb://127.0.0.1:1/legacy", username: app, password: hunter2 }
				  target: { url: "jdbc:postgresql://127.0.0.1:1/warehouse", username: app, password: hunter3 }
				  control: { url: "jdbc:h2:mem:unreachable;DB_CLOSE_DELAY=-1" }
				  tables: [ { name: customers } ]
				""");
		CliRun run = CliRun.of("check", "counts", "--config", config.toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err().lines()).hasSize(2);
		assertThat(run.err()).contains("error: source database (jdbc:mariadb://127.0.0.1:1/legacy) is unreachable: ")
			.contains("error: target database (jdbc:postgresql://127.0.0.1:1/warehouse) is unreachable: ")
			.doesNotContain("hunter")
			.doesNotContain("\tat ");
	}

}
