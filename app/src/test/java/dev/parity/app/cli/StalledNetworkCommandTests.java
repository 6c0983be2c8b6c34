package dev.parity.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.StallingProxy;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;

/**
 * {@code ./parity check diff} when the network to the source (real MariaDB, through a local TCP proxy)
 * stops answering mid-stream without closing: one sentence naming the database and the setting, exit 2,
 * soon after {@code stall-timeout}; once the network answers, the next run completes with the verdict.
 */
@RequiresDatabase({ TestDatabases.MARIADB, TestDatabases.POSTGRES })
class StalledNetworkCommandTests {

	@TempDir
	Path dir;

	@Test
	void aSourceThatStopsAnsweringMidStreamIsOneSentenceAndExit2AndTheNextRunCompletes() throws Exception {
		try (TestSchema source = TestDatabases.MARIADB.freshSchema(); TestSchema target = TestDatabases.POSTGRES.freshSchema();
				StallingProxy proxy = new StallingProxy(source.url())) {
			source.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40), pad VARCHAR(200))",
					"INSERT INTO items SELECT seq, CONCAT('item ', seq), REPEAT('x', 200) FROM seq_1_to_100000");
			target.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40), pad VARCHAR(200))",
					"INSERT INTO items SELECT i, 'item ' || i, repeat('x', 200) FROM generate_series(1, 100000) i WHERE i <> 42");
			Path config = dir.resolve("parity.yml");
			Files.writeString(config, """
					parity:
					  source: { url: "%s", username: "%s", password: "%s", stall-timeout: 2s, socket-timeout: 60s }
					  target: { url: "%s", username: "%s", password: "%s" }
					  control: { url: "jdbc:h2:file:%s/control", username: sa, password: "" }
					  diff: { threads: 2, partition-rows: 50000, fetch-size: 500, chunk-size: 5000 }
					  tables:
					    - name: items
					""".formatted(proxy.url(source.url()), source.user(), source.password(), target.url(), target.user(),
					target.password(), dir));

			// when the network stops answering once the diff is streaming
			CompletableFuture<CliRun> running = CompletableFuture
				.supplyAsync(() -> CliRun.of("check", "diff", "--config", config.toString()));
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (rowsSeen() == 0 && !running.isDone() && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			proxy.stallAfter(100_000);
			long armed = System.nanoTime();
			CliRun stalled;
			try {
				stalled = running.get(5, TimeUnit.MINUTES);
			}
			finally {
				proxy.recover();
			}

			// then one sentence naming the database and the setting, exit 2, within the stall timeout plus a margin
			assertThat(proxy.stalled()).as("the proxy stalled mid-stream; %s", stalled.err()).isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - armed)).isLessThan(Duration.ofSeconds(30));
			assertThat(stalled.exitCode()).as(stalled.err()).isEqualTo(2);
			assertThat(stalled.err()).containsPattern("error: diffJob failed \\(execution \\d+, restartable\\): source database"
					+ " stopped answering: no rows arrived for 2 s while streaming \\(parity.source.stall-timeout\\); check the"
					+ " network and the database, then run the command again to restart")
				.doesNotContain("\tat ");

			// when the network answers again, the next run completes with the verdict
			CliRun next = CliRun.of("check", "diff", "--config", config.toString());
			assertThat(next.exitCode()).as(next.err()).isEqualTo(1);
			CliRun open = CliRun.of("discrepancies", "--config", config.toString(), "--format", "csv");
			assertThat(open.out().lines().skip(1)).singleElement().asString().contains("MISSING_IN_TARGET").contains("42");
		}
	}

	private long rowsSeen() {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir + "/control;IFEXISTS=TRUE", "sa", "");
				ResultSet rows = connection.createStatement()
					.executeQuery("SELECT COALESCE(SUM(rows_seen), 0) FROM parity_diff_progress")) {
			rows.next();
			return rows.getLong(1);
		}
		catch (java.sql.SQLException ex) {
			return 0; // not created or not migrated yet
		}
	}

}
