package dev.parity.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parity.app.ParityApplication;
import dev.parity.app.ParityRuntime;
import dev.parity.core.config.ParityConfigLoader;
import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;

/**
 * Many launches at the same moment, each in a process of its own (a separate {@code java} running
 * Parity's main class), against one control database: exactly one runs, the others are refused in one
 * sentence with exit 2 and leave nothing behind, and the one that ran leaves the right verdicts.
 * <p>
 * On PostgreSQL the launches meet at the run lock for real: the test holds an exclusive table lock on
 * {@code parity_run_lock} until every process is waiting to insert its row, then lets them all go at once.
 * On the default H2 file control database only one process can open the file at all; there the test
 * checks that the runs that did happen never overlapped.
 */
@RequiresDatabase({ TestDatabases.MARIADB, TestDatabases.POSTGRES })
class ConcurrentLaunchTests {

	private static final int ROWS = 20_000;

	@TempDir
	Path dir;

	@Test
	void ofSixSimultaneousLaunchesOnAPostgresControlDatabaseExactlyOneRunsAndItsVerdictsAreRight() throws Exception {
		try (TestSchema source = TestDatabases.MARIADB.freshSchema(); TestSchema target = TestDatabases.POSTGRES.freshSchema();
				TestSchema control = TestDatabases.POSTGRES.freshSchema()) {
			Path config = shop(source, target, "url: \"%s\", username: \"%s\", password: \"%s\"".formatted(control.url(),
					control.user(), control.password()));
			ParityRuntime.start(ParityConfigLoader.load(config)).close(); // migrates the control database
			List<Launch> launches;
			try (Connection barrier = DriverManager.getConnection(control.url(), control.user(), control.password())) {
				barrier.setAutoCommit(false);
				try (Statement statement = barrier.createStatement()) {
					statement.execute("LOCK TABLE parity_run_lock IN ACCESS EXCLUSIVE MODE");
				}
				launches = new ArrayList<>();
				for (int i = 0; i < 6; i++) {
					launches.add(i == 5 ? Launch.of(dir, i, "reconcile", "--config", config.toString())
							: Launch.of(dir, i, "check", i == 4 ? "checksum" : "diff", "--config", config.toString()));
				}
				// every process waits to insert its lock row: then all go at the same moment
				long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
				while (waiting(barrier) < launches.size()) {
					assertThat(launches).as("a launch ended before it reached the run lock: %s", launches)
						.noneMatch((l) -> !l.process().isAlive());
					assertThat(System.nanoTime()).as("launches waiting at the lock").isLessThan(deadline);
					Thread.sleep(200);
				}
				barrier.commit();
			}
			for (Launch launch : launches) {
				launch.await();
			}

			List<Launch> ran = launches.stream().filter((l) -> l.exitCode() != 2).toList();
			assertThat(ran).as("%s", launches).hasSize(1);
			for (Launch refused : launches.stream().filter((l) -> l.exitCode() == 2).toList()) {
				assertThat(refused.errorLine()).as(refused.toString())
					.matches("error: (countsJob|diffJob|checksumJob|reconcileJob|schemaJob)( execution \\d+ \\(started by cli,"
							+ " process \\d+ on host .+\\) is still running; wait for it to finish, or if its process is gone,"
							+ " ./parity abandon \\d+ marks it failed| is being started by cli, process \\d+ on host .+; wait"
							+ " for it to finish)");
			}
			assertThat(control.queryLong("SELECT count(*) FROM batch_job_execution")).as("refused launches record nothing")
				.isEqualTo(1);
			assertThat(control.queryLong("SELECT count(*) FROM parity_run_lock")).as("the lock is released").isZero();
			if (ran.get(0).command().contains("reconcile")) {
				assertThat(control.queryLong("SELECT count(*) FROM parity_discrepancy")).isZero();
				assertThat(CliRun.of("check", "diff", "--config", config.toString()).exitCode()).isEqualTo(1);
			}
			assertThat(control.queryRows("SELECT discrepancy_type || ' ' || status || ' ' || count(*) FROM parity_discrepancy"
					+ " GROUP BY discrepancy_type, status ORDER BY discrepancy_type"))
				.containsExactly("EXTRA_IN_TARGET OPEN 20", "FIELD_MISMATCH OPEN 40", "MISSING_IN_TARGET OPEN 30");
			assertThat(control.queryLong("SELECT count(*) FROM parity_diff_candidate"))
				.as("the completed run's candidates are pruned").isZero();
		}
	}

	@Test
	void onTheDefaultH2FileControlDatabaseSimultaneousLaunchesNeverOverlap() throws Exception {
		try (TestSchema source = TestDatabases.MARIADB.freshSchema(); TestSchema target = TestDatabases.POSTGRES.freshSchema()) {
			Path config = shop(source, target, "url: \"jdbc:h2:file:%s/control\", username: sa, password: \"\"".formatted(dir));
			ParityRuntime.start(ParityConfigLoader.load(config)).close();
			List<Launch> launches = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				launches.add(i == 3 ? Launch.of(dir, i, "reconcile", "--config", config.toString())
						: Launch.of(dir, i, "check", "diff", "--config", config.toString()));
			}
			for (Launch launch : launches) {
				launch.await();
			}
			List<Launch> ran = launches.stream().filter((l) -> l.exitCode() != 2).toList();
			assertThat(ran).as("%s", launches).isNotEmpty();
			for (Launch refused : launches.stream().filter((l) -> l.exitCode() == 2).toList()) {
				assertThat(refused.errorLine()).as(refused.toString())
					.matches("error: (control database \\(jdbc:h2:file:.*\\) is unreachable: .*(locked|in use).*"
							+ "|\\w+Job (execution \\d+ \\(started by cli, .*\\) is still running; .*|is being started by .*))");
			}
			try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + dir + "/control", "sa", "");
					Statement statement = h2.createStatement();
					ResultSet rs = statement.executeQuery(
							"SELECT start_time, end_time FROM batch_job_execution ORDER BY start_time")) {
				List<java.time.LocalDateTime[]> runs = new ArrayList<>();
				while (rs.next()) {
					runs.add(new java.time.LocalDateTime[] { rs.getObject(1, java.time.LocalDateTime.class),
							rs.getObject(2, java.time.LocalDateTime.class) });
				}
				assertThat(runs).as("one execution per launch that ran").hasSize(ran.size());
				for (int i = 1; i < runs.size(); i++) {
					assertThat(runs.get(i)[0]).as("run %d starts after run %d ended", i, i - 1).isAfter(runs.get(i - 1)[1]);
				}
				try (ResultSet open = statement.executeQuery("SELECT count(*) FROM parity_discrepancy WHERE status <> 'OPEN'"
						+ " AND discrepancy_type <> 'COUNT_MISMATCH'")) {
					open.next();
					if (ran.stream().noneMatch((l) -> l.command().contains("reconcile"))) {
						assertThat(open.getLong(1)).as("no discrepancy resolved while the target still differs").isZero();
					}
				}
			}
		}
	}

	// MariaDB source and PostgreSQL target with 20,000 items; the target misses 30, has 20 extra and 40 renamed.
	private Path shop(TestSchema source, TestSchema target, String control) throws Exception {
		source.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, qty INT NOT NULL)",
				"INSERT INTO items SELECT seq, CONCAT('item ', seq), seq % 97 FROM seq_1_to_" + ROWS);
		target.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, qty INT NOT NULL)",
				"INSERT INTO items SELECT i, 'item ' || i, i % 97 FROM generate_series(1, " + ROWS + ") AS i",
				"DELETE FROM items WHERE id BETWEEN 1001 AND 1030",
				"UPDATE items SET name = name || ' (renamed)' WHERE id BETWEEN 5001 AND 5040",
				"INSERT INTO items SELECT i, 'extra ' || i, 0 FROM generate_series(" + (ROWS + 1) + ", " + (ROWS + 20)
						+ ") AS i");
		Path config = dir.resolve("parity.yml");
		Files.writeString(config, """
				parity:
				  source: { url: "%s", username: "%s", password: "%s" }
				  target: { url: "%s", username: "%s", password: "%s" }
				  control: { %s }
				  tables:
				    - name: items
				      key: [id]
				""".formatted(source.url(), source.user(), source.password(), target.url(), target.user(),
				target.password(), control));
		return config;
	}

	// Sessions waiting for a lock on parity_run_lock: the launches at the barrier.
	private static int waiting(Connection control) throws Exception {
		try (Statement statement = control.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted"
						+ " AND relation = 'parity_run_lock'::regclass")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	/** One {@code ./parity} command in a JVM of its own, its output in files. */
	private record Launch(Process process, List<String> command, Path out, Path err, int[] code) {

		static Launch of(Path dir, int n, String... args) throws Exception {
			List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
					"-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
					ParityApplication.class.getName()));
			command.addAll(List.of(args));
			Path out = dir.resolve("launch-" + n + ".out");
			Path err = dir.resolve("launch-" + n + ".err");
			Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			return new Launch(process, List.of(args), out, err, new int[] { -1 });
		}

		void await() throws Exception {
			assertThat(process.waitFor(6, TimeUnit.MINUTES)).as("%s ends", command).isTrue();
			code[0] = process.exitValue();
		}

		int exitCode() {
			return code[0];
		}

		// The refusal, one sentence (logging set-up noise of a JVM that ends early may follow it on stderr).
		String errorLine() throws Exception {
			List<String> lines = Files.readAllLines(err).stream().filter((l) -> l.startsWith("error: ")).toList();
			assertThat(lines).as("%s: one error sentence", command).hasSizeLessThanOrEqualTo(1);
			return lines.isEmpty() ? "" : lines.get(0);
		}

		@Override
		public String toString() {
			try {
				return command + " exit " + code[0] + ": " + errorLine();
			}
			catch (Exception | AssertionError ex) {
				return command + " exit " + code[0];
			}
		}

	}

}
