package dev.parity.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;

/**
 * Every error is one sentence naming what and where, exit 2, with no stack trace and no third-party
 * warning before it (each case run as its own OS process, so that everything on stderr is seen), and a
 * run refused before it starts records nothing: no job execution, no Parity run, no schema snapshot.
 * {@code --debug} adds the stack trace.
 */
@RequiresDatabase({ TestDatabases.MARIADB, TestDatabases.POSTGRES })
class ErrorSentenceTests {

	@TempDir
	Path dir;

	@Test
	void theControlDatabaseDownIsOneSentenceAndDebugAddsTheStackTrace() throws Exception {
		int closed = closedPort();
		Path config = write("""
				parity:
				  source: { url: "jdbc:h2:mem:down-source" }
				  target: { url: "jdbc:h2:mem:down-target" }
				  control: { url: "jdbc:postgresql://127.0.0.1:%d/parity" }
				  tables: [ { name: t } ]
				""".formatted(closed));
		ParityProcess run = ParityProcess.run(dir, "check", "diff", "--config", config.toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).isEqualTo("error: control database (jdbc:postgresql://127.0.0.1:" + closed
				+ "/parity) is unreachable: Connection refused" + System.lineSeparator());

		for (List<String> args : List.of(List.of("check", "diff", "--config", config.toString(), "--debug"),
				List.of("--debug", "status", "--config", config.toString()))) {
			CliRun debug = CliRun.of(args.toArray(String[]::new));
			assertThat(debug.exitCode()).isEqualTo(2);
			assertThat(debug.err().lines().findFirst()).contains("error: control database (jdbc:postgresql://127.0.0.1:"
					+ closed + "/parity) is unreachable: Connection refused");
			assertThat(debug.err()).contains("Caused by: ").containsPattern("\\n\\s+at org\\.postgresql\\.");
		}
		assertThat(CliRun.of("status", "--config", config.toString()).err().lines()).hasSize(1);
	}

	@Test
	void aWrongPasswordIsOneSentenceWithoutTheDriversWarning() throws Exception {
		try (TestSchema source = TestDatabases.MARIADB.freshSchema()) {
			Path config = write("""
					parity:
					  source: { url: "%s", username: "%s", password: "wrong-%s" }
					  target: { url: "jdbc:h2:mem:pw-target" }
					  control: { url: "jdbc:h2:file:%s/control" }
					  tables: [ { name: t } ]
					""".formatted(source.url(), source.user(), source.password() == null ? "" : source.password(), dir));
			ParityProcess run = ParityProcess.run(dir, "check", "counts", "--config", config.toString());
			assertThat(run.exitCode()).isEqualTo(2);
			assertThat(run.err().lines()).singleElement()
				.satisfies((line) -> assertThat(line).startsWith("error: source database (" + source.url() + ") is unreachable: ")
					.contains("Access denied for user"));
		}
	}

	@Test
	void aMistakeOnAPairCheckedBeforeIsRefusedBeforeTheRunStartsAndRecordsNothing() throws Exception {
		try (TestSchema source = TestDatabases.MARIADB.freshSchema(); TestSchema target = TestDatabases.POSTGRES.freshSchema()) {
			source.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(20), code VARCHAR(5))",
					"INSERT INTO customers VALUES (1, 'ann', 'a'), (2, 'bob', 'a'), (3, 'cy', 'b')");
			target.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(20), code VARCHAR(5))",
					"INSERT INTO customers VALUES (1, 'ann', 'a'), (2, 'bob', 'a'), (3, 'cy', 'b')");
			String base = """
					parity:
					  source: { url: "%s", username: "%s", password: "%s" }
					  target: { url: "%s", username: "%s", password: "%s" }
					  control: { url: "jdbc:h2:file:%s/control" }
					  tables:
					    - name: customers
					""".formatted(source.url(), source.user(), source.password(), target.url(), target.user(),
					target.password(), dir);
			Path config = write(base);
			CliRun first = CliRun.of("check", "diff", "--config", config.toString());
			assertThat(first.exitCode()).as(first.err()).isZero();
			List<Long> recorded = recorded();
			assertThat(recorded).allMatch((n) -> n > 0);

			// A key that is not unique in the source, on the pair checked before: refused, as its own process.
			write(base + "      key: [code]\n");
			ParityProcess nonUnique = ParityProcess.run(dir, "check", "diff", "--config", config.toString());
			assertThat(nonUnique.exitCode()).isEqualTo(2);
			assertThat(nonUnique.err().lines()).containsExactly("error: the configuration has 1 problem:",
					"  parity.tables[0].key: (code) is not unique in source table customers: a occurs more than once");
			assertThat(recorded()).isEqualTo(recorded);

			// A mapping expression the source guard refuses.
			write(base + "      columns: { name: \"(select max(name) from customers for update)\" }\n");
			CliRun guarded = CliRun.of("check", "diff", "--config", config.toString());
			assertThat(guarded.exitCode()).isEqualTo(2);
			assertThat(guarded.err().lines()).hasSize(2)
				.contains("error: the configuration has 1 problem:")
				.anyMatch((l) -> l.startsWith("  parity.tables[0].columns.name: the source cannot evaluate "
						+ "'(select max(name) from customers for update)': refused to run a statement on the source database"));
			assertThat(recorded()).isEqualTo(recorded);

			// No key configured, and the target lost its primary key.
			write(base);
			target.execute("ALTER TABLE customers DROP CONSTRAINT customers_pkey");
			CliRun noKey = CliRun.of("check", "diff", "--config", config.toString());
			assertThat(noKey.exitCode()).isEqualTo(2);
			assertThat(noKey.err().lines()).containsExactly("error: the configuration has 1 problem:",
					"  parity.tables[0].key: is not set and target table customers has no primary key; list the key columns");
			assertThat(recorded()).isEqualTo(recorded);
		}
	}

	@Test
	void aSourceConnectionLostMidDiffNamesTheSourceAndTheReason() throws Exception {
		try (TestSchema source = TestDatabases.POSTGRES.freshSchema(); TestSchema target = TestDatabases.POSTGRES.freshSchema()) {
			for (TestSchema side : List.of(source, target)) {
				side.execute("CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(20))",
						"INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 5000) g", "ANALYZE items");
			}
			Path config = write("""
					parity:
					  source: { url: "%s", username: "%s", password: "%s" }
					  target: { url: "%s", username: "%s", password: "%s" }
					  control: { url: "jdbc:h2:file:%s/control" }
					  tables: [ { name: items } ]
					""".formatted(source.url(), source.user(), source.password(), target.url(), target.user(),
					target.password(), dir));
			// The source table is locked, so the diff's first read of it waits; that session is then terminated
			// by an administrator (pg_terminate_backend), as a restart or a network cut would end it.
			try (Connection lock = DriverManager.getConnection(source.url(), source.user(), source.password())) {
				lock.setAutoCommit(false);
				try (Statement statement = lock.createStatement()) {
					statement.execute("LOCK TABLE " + source.name() + ".items IN ACCESS EXCLUSIVE MODE");
				}
				Process diff = ParityProcess.start(dir, "check", "diff", "--config", config.toString());
				long terminated;
				// Autocommit: pg_stat_activity is a snapshot per transaction.
				try (Connection admin = DriverManager.getConnection(source.url(), source.user(), source.password())) {
					terminated = terminateFirstWaitingReader(admin, source.name(), diff);
				}
				assertThat(terminated).isPositive();
				lock.commit();
				ParityProcess run = ParityProcess.finish(diff, dir);
				assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
				assertThat(run.err().lines()).singleElement()
					.satisfies((line) -> assertThat(line).matches("error: diffJob failed \\(execution \\d+, restartable\\): "
							+ "source database \\(" + java.util.regex.Pattern.quote(source.url())
							+ "\\) connection lost: .*terminating connection due to administrator command.*"));
			}
		}
	}

	private static long terminateFirstWaitingReader(Connection admin, String schema, Process diff) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
		try (Statement statement = admin.createStatement()) {
			while (Instant.now().isBefore(deadline) && diff.isAlive()) {
				try (ResultSet waiting = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
						+ " AND query LIKE '%" + schema + "%' AND pid <> pg_backend_pid() ORDER BY query_start LIMIT 1")) {
					if (waiting.next()) {
						long pid = waiting.getLong(1);
						statement.execute("SELECT pg_terminate_backend(" + pid + ")");
						return pid;
					}
				}
				Thread.sleep(100);
			}
		}
		return -1;
	}

	/** Job executions, Parity runs and schema snapshots in the control database. */
	private List<Long> recorded() throws Exception {
		try (Connection control = DriverManager.getConnection("jdbc:h2:file:" + dir + "/control");
				Statement statement = control.createStatement()) {
			List<Long> counts = new java.util.ArrayList<>();
			for (String table : List.of("batch_job_execution", "parity_run", "parity_schema_snapshot")) {
				try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
					rs.next();
					counts.add(rs.getLong(1));
				}
			}
			return counts;
		}
	}

	private Path write(String yaml) throws Exception {
		return Files.writeString(dir.resolve("parity.yml"), yaml);
	}

	private static int closedPort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
