package dev.parity.jobs.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parity.core.config.ConnectionSettings;
import dev.parity.core.config.DiffSettings;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.ReconcileSettings;
import dev.parity.core.config.TableMapping;
import dev.parity.core.config.Thresholds;
import dev.parity.core.reconcile.FixCheckpoint;
import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;
import dev.parity.jobs.JobTestApplication;
import dev.parity.jobs.JobTestSupport;

/**
 * {@code reconcileJob} killed with {@code kill -9} (a separate JVM, not a thread) at each step of a
 * chunk — intents committed, target committed, confirmations committed — with the control database on
 * an H2 file (the default) and on PostgreSQL. The target (PostgreSQL) counts its own changes with a
 * trigger writing to a side table, independently of Parity. After the killed run is recovered and a
 * second run completes: the target equals the source, and there is exactly one audit row per target
 * change, key for key. On H2 this holds because the control database is opened with
 * {@code WRITE_DELAY=0}: with H2's default 500 ms delay the last committed intents die with the process.
 */
@RequiresDatabase({ TestDatabases.MARIADB, TestDatabases.POSTGRES })
class ReconcileKillFunctionalTests {

	private static final Pattern KEY = Pattern.compile("\"id\":\"(\\d+)\"");

	@TempDir
	Path dir;

	private final List<AutoCloseable> cleanup = new ArrayList<>();

	static Stream<Arguments> killPoints() {
		return Stream.of("h2", "postgresql")
			.flatMap((control) -> Stream.of(FixCheckpoint.Stage.values()).map((stage) -> Arguments.of(control, stage)));
	}

	@AfterEach
	void drop() throws Exception {
		for (AutoCloseable closeable : cleanup) {
			closeable.close();
		}
	}

	@ParameterizedTest(name = "{0} control, killed at {1}")
	@MethodSource("killPoints")
	void aReconcileKilledAtAnyStepLosesNoAuditRowAndAppliesNoChangeTwice(String controlEngine, FixCheckpoint.Stage stage)
			throws Exception {
		TestSchema source = TestDatabases.MARIADB.freshSchema();
		TestSchema target = TestDatabases.POSTGRES.freshSchema();
		cleanup.add(source);
		cleanup.add(target);
		ConnectionSettings control;
		if (controlEngine.equals("h2")) {
			control = new ConnectionSettings("jdbc:h2:file:" + dir.resolve("control").toAbsolutePath(), "sa", "", 4);
		}
		else {
			TestSchema schema = TestDatabases.POSTGRES.freshSchema();
			cleanup.add(schema);
			control = schema.settings();
		}
		// given 2,000 rows, 300 of them to repair: 100 missing, 100 different, 100 extra in the target
		source.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40), qty INT)",
				"INSERT INTO items SELECT seq, CONCAT('item ', seq), seq % 97 FROM seq_1_to_2000");
		target.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40), qty INT)",
				"INSERT INTO items SELECT i, 'item ' || i, i % 97 FROM generate_series(1, 2000) i WHERE i % 20 <> 0",
				"UPDATE items SET qty = qty + 1000 WHERE id % 20 = 7",
				"INSERT INTO items SELECT i, 'extra ' || i, 0 FROM generate_series(3001, 3100) i",
				// the independent count of target changes, written by the target itself
				"CREATE TABLE item_changes (seq BIGSERIAL PRIMARY KEY, op TEXT NOT NULL, id INT NOT NULL)",
				"CREATE FUNCTION " + target.name() + ".log_item_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
						+ " IF TG_OP = 'DELETE' THEN INSERT INTO " + target.name() + ".item_changes (op, id) VALUES (TG_OP, OLD.id);"
						+ " RETURN OLD; END IF;"
						+ " INSERT INTO " + target.name() + ".item_changes (op, id) VALUES (TG_OP, NEW.id); RETURN NEW; END $$",
				"CREATE TRIGGER items_changed AFTER INSERT OR UPDATE OR DELETE ON items FOR EACH ROW EXECUTE FUNCTION "
						+ target.name() + ".log_item_change()");
		List<String> sourceRows = source.queryRows("SELECT id, name, qty FROM items ORDER BY id");
		Child child = new Child(source.settings(), target.settings(), control);

		assertThat(child.run("diffJob", null)).isEqualTo("COMPLETED");

		// when a reconcile is killed the third time it reaches the stage, then recovered and run again
		assertThat(child.run("reconcileJob", stage + ":3")).isEqualTo("KILLED");
		long changesAtKill = target.queryLong("SELECT COUNT(*) FROM item_changes");
		assertThat(changesAtKill).as("the kill came after some changes and before the last")
			.isBetween(1L, 299L);
		assertThat(child.run("reconcileJob", null)).isEqualTo("COMPLETED");

		// then the target equals the source, each change was made once, and each has exactly one audit row
		assertThat(target.queryRows("SELECT id, name, qty FROM items ORDER BY id")).isEqualTo(sourceRows);
		List<Integer> changed = target.queryRows("SELECT id FROM item_changes ORDER BY id").stream().map(Integer::valueOf).toList();
		assertThat(changed).hasSize(300).doesNotHaveDuplicates();
		assertThat(auditedKeys(control)).isEqualTo(changed);
	}

	private static List<Integer> auditedKeys(ConnectionSettings control) throws Exception {
		List<Integer> keys = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(control.url(), control.username(), control.password());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT key_json FROM parity_audit WHERE action LIKE 'reconcile-%'")) {
			while (rows.next()) {
				Matcher matcher = KEY.matcher(rows.getString(1));
				assertThat(matcher.find()).as(rows.getString(1)).isTrue();
				keys.add(Integer.valueOf(matcher.group(1)));
			}
		}
		keys.sort(null);
		return keys;
	}

	/** Runs one job in a JVM of its own; kills it (SIGKILL) when it reports the kill point. */
	record Child(ConnectionSettings source, ConnectionSettings target, ConnectionSettings control) {

		String run(String job, String killAt) throws Exception {
			String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath));
			add(command, "source", source);
			add(command, "target", target);
			add(command, "control", control);
			if (killAt != null) {
				command.add("-Dparity.test.kill-at=" + killAt);
			}
			command.add(Main.class.getName());
			command.add(job);
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			StringBuilder output = new StringBuilder();
			CompletableFuture<String> outcome = CompletableFuture.supplyAsync(() -> {
				try (BufferedReader lines = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					for (String line = lines.readLine(); line != null; line = lines.readLine()) {
						output.append(line).append('\n');
						if (line.startsWith("KILL-POINT")) {
							// SIGKILL: no shutdown hook, no flush, no close
							process.destroyForcibly().waitFor();
							return "KILLED";
						}
						if (line.startsWith("STATUS ")) {
							return line.substring("STATUS ".length());
						}
					}
					return "EXITED";
				}
				catch (Exception ex) {
					return "ERROR " + ex;
				}
			});
			String result = outcome.get(5, TimeUnit.MINUTES);
			process.waitFor(1, TimeUnit.MINUTES);
			process.destroyForcibly().waitFor();
			if (!result.equals("COMPLETED") && !result.equals("KILLED")) {
				Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "reconcile-child.log"), output);
				return result + "\n" + output;
			}
			return result;
		}

		private static void add(List<String> command, String role, ConnectionSettings settings) {
			command.add("-Dparity.test." + role + ".url=" + settings.url());
			command.add("-Dparity.test." + role + ".username=" + settings.username());
			command.add("-Dparity.test." + role + ".password=" + (settings.password() == null ? "" : settings.password()));
		}

	}

	/**
	 * The child JVM: the jobs wired as in {@code ./parity}, one job started; an execution left running by a
	 * killed child is recovered first (FAILED, its run lock released), as the CLI does for a process that is gone.
	 */
	public static final class Main {

		public static void main(String[] args) throws Exception {
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JobTestApplication.class,
					Wiring.class).web(WebApplicationType.NONE).run()) {
				JobOperator operator = context.getBean(JobOperator.class);
				JobRepository repository = context.getBean(JobRepository.class);
				for (String name : List.of("diffJob", "reconcileJob")) {
					for (JobExecution orphan : repository.findRunningJobExecutions(name)) {
						operator.recover(orphan);
						// and its run lock, as Parity's recovery of a process known gone releases it
						context.getBean(dev.parity.core.repository.RunLocks.class).releaseExecution(orphan.getId());
					}
				}
				JobExecution execution = operator.start(context.getBean(args[0], Job.class),
						JobTestSupport.launch("kill-test").toJobParameters());
				execution.getAllFailureExceptions().forEach((failure) -> failure.printStackTrace(System.out));
				System.out.println("STATUS " + execution.getStatus());
			}
			System.exit(0);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Wiring {

		@Bean
		ParityConfig parityConfig() {
			TableMapping items = new TableMapping("items", "items", "items", List.of("id"), null, false, null, null);
			return new ParityConfig("kill test", settings("source"), settings("target"), settings("control"),
					Duration.ofMinutes(5), List.of(items), Thresholds.DEFAULTS, new DiffSettings(2, 400, 100, 50, 100), null,
					null, null, null, null, new ReconcileSettings(1000, 50.0, null, 25));
		}

		/** Reports the kill point and waits to be killed, the N-th time the stage is reached. */
		@Bean
		FixCheckpoint killPoint() {
			String killAt = System.getProperty("parity.test.kill-at");
			if (killAt == null) {
				return FixCheckpoint.NONE;
			}
			FixCheckpoint.Stage stage = FixCheckpoint.Stage.valueOf(killAt.split(":")[0]);
			int nth = Integer.parseInt(killAt.split(":")[1]);
			java.util.concurrent.atomic.AtomicInteger reached = new java.util.concurrent.atomic.AtomicInteger();
			return (at) -> {
				if (at == stage && reached.incrementAndGet() == nth) {
					System.out.println("KILL-POINT " + at);
					System.out.flush();
					try {
						Thread.sleep(Duration.ofMinutes(5));
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
			};
		}

		private static ConnectionSettings settings(String role) {
			return new ConnectionSettings(System.getProperty("parity.test." + role + ".url"),
					System.getProperty("parity.test." + role + ".username"),
					System.getProperty("parity.test." + role + ".password"), 4);
		}

	}

}
