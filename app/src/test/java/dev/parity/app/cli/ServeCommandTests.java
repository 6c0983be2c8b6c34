package dev.parity.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./parity serve} for real on an embedded H2 control database: the health endpoint answers UP,
 * the schedules are stored with their next fire time, a job this version lacks is one warning line;
 * the cutover API and the Prometheus metrics answer; then {@code status} reads the same schedules
 * without starting Quartz.
 */
class ServeCommandTests {

	private static final Pattern HEALTH = Pattern.compile("health at (http://127\\.0\\.0\\.1:\\d+/actuator/health)");

	@TempDir
	Path dir;

	// A configuration without users on embedded databases, plus {@code extra} keys under parity.
	private Path config(String extra) throws IOException {
		Path config = dir.resolve("parity.yml");
		Files.writeString(config, """
				parity:
				  source: { url: "jdbc:h2:mem:serve-source" }
				  target: { url: "jdbc:h2:mem:serve-target" }
				  control: { url: "jdbc:h2:file:%s/control" }
				  tables: [ { name: customers } ]
				""".formatted(dir.toString().replace('\\', '/')) + extra);
		return config;
	}

	@Test
	void serveRefusesToStartWithoutUsersUnlessInsecureLocalOnThisMachineOnly() throws Exception {
		Path config = config("");
		CliRun noUsers = CliRun.of("serve", "--config", config.toString(), "--port", "0");
		assertThat(noUsers.exitCode()).isEqualTo(2);
		assertThat(noUsers.err().strip()).isEqualTo("error: serve: no users are configured in " + config
				+ " (parity.users), so nobody could sign in; add users with bcrypt hashes from ./parity password-hash,"
				+ " or run serve --insecure-local to serve this machine only without login");
		CliRun everywhere = CliRun.of("serve", "--config", config.toString(), "--insecure-local", "--address", "0.0.0.0");
		assertThat(everywhere.exitCode()).isEqualTo(2);
		assertThat(everywhere.err()).contains("--insecure-local serves this machine only; it cannot bind --address 0.0.0.0");
		assertThat(noUsers.out() + everywhere.out()).isEmpty();
	}

	@Test
	void serveAnswersHealthAndRunsTheSchedulesThatStatusThenShows() throws Exception {
		Path config = config("""
				  schedules:
				    counts: "0 0 * * * ?"
				    checksum: "0 0 3 ? * SUN"
				""");
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CompletableFuture<Integer> serve = CompletableFuture.supplyAsync(() -> ParityCli
			.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
			.execute("serve", "--config", config.toString(), "--port", "0", "--insecure-local"));
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> HEALTH.matcher(out.toString()).find() || serve.isDone());
			Matcher health = HEALTH.matcher(out.toString());
			assertThat(health.find()).as("serve printed its health URL; err: %s", err).isTrue();
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(health.group(1))).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"status\":\"UP\"");
			assertThat(out.toString()).containsPattern("console at http://127\\.0\\.0\\.1:\\d+/ , API at http://127\\.0\\.0\\.1:\\d+/api")
				.contains("parity.schedules.counts: scheduled \"0 0 * * * ?\" (UTC)")
				.containsPattern("counts +0 0 \\* \\* \\* \\? +SCHEDULED +\\d{4}-\\d\\d-\\d\\d \\d\\d:00:00")
				.containsPattern("checksum +0 0 3 \\? \\* SUN +SCHEDULED +\\d{4}-\\d\\d-\\d\\d 03:00:00");
			// the cutover under serve: the API, the watch, and the metrics for Prometheus
			assertThat(out.toString()).contains("cutover: SHADOW at http://127.0.0.1:")
				.contains("/api/cutover; triggers not armed in SHADOW, samples by POST /api/metrics; metrics at /actuator/prometheus");
			String base = health.group(1).replace("/actuator/health", "");
			HttpResponse<String> cutover = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(base + "/api/cutover")).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(cutover.body()).startsWith("{\"phase\":\"SHADOW\",\"targetShare\":0.0,");
			HttpResponse<String> metrics = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(metrics.statusCode()).isEqualTo(200);
			assertThat(metrics.body()).contains("parity_cutover_target_share 0.0", "parity_cutover_phase{phase=\"SHADOW\"} 1.0",
					"parity_cutover_phase{phase=\"FULL\"} 0.0", "parity_replication_lag_seconds{table=\"customers\"} NaN");
			assertThat(err.toString().strip().lines()).as("every schedule names an available job")
				.containsExactly("warning: --insecure-local: no login; anyone on this machine acts with every role");
		}
		finally {
			await().atMost(Duration.ofSeconds(30)).until(() -> ServeCommand.RUNNING.get() != null || serve.isDone());
			if (ServeCommand.RUNNING.get() != null) {
				ServeCommand.RUNNING.get().close();
			}
		}
		assertThat(serve.get()).isZero();
		assertThat(ServeCommand.RUNNING.get()).isNull();

		CliRun status = CliRun.of("status", "--config", config.toString());
		assertThat(status.exitCode()).as("nothing measured yet: not ready").isEqualTo(1);
		assertThat(status.out()).contains("overall: NOT READY")
			.contains("schedules (UTC)")
			.containsPattern("counts +0 0 \\* \\* \\* \\? +SCHEDULED +\\d{4}-\\d\\d-\\d\\d \\d\\d:00:00");
	}

}
