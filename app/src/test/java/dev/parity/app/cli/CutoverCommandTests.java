package dev.parity.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./parity cutover}: the drill's exact output on a recorded series (and that it changes
 * nothing), status, a refused advance with its reason (exit 1), and bad input (exit 2, one sentence).
 */
class CutoverCommandTests {

	@TempDir
	Path dir;

	Path config;

	@BeforeEach
	void config() throws Exception {
		config = dir.resolve("parity.yml");
		Files.writeString(config, """
				parity:
				  source: { url: "jdbc:h2:mem:cutover-cli-source" }
				  target: { url: "jdbc:h2:mem:cutover-cli-target" }
				  control: { url: "jdbc:h2:file:%s/control" }
				  tables: [ { name: customers } ]
				  sla: { response-time: 250ms }
				""".formatted(dir.toString().replace('\\', '/')));
	}

	@Test
	void theDrillPrintsWhenEachTriggerWouldFireAndChangesNothing() throws Exception {
		// error rate above 1.5 % from 10:00:30 (window 2m: fires at 10:02:30); failures low; one slow spike
		Path samples = dir.resolve("incident.csv");
		Files.writeString(samples, """
				time,signal,value
				# recorded in staging on 2026-11-23
				2026-11-23T10:00:00Z,error-rate,0.004
				2026-11-23T10:00:00Z,transaction-failures,0.001
				2026-11-23T10:00:30Z,error-rate,0.02
				2026-11-23T10:01:00Z,response-time,320
				2026-11-23T10:01:30Z,error-rate,0.021
				2026-11-23T10:01:30Z,response-time,200
				2026-11-23T10:02:00Z,error-rate,0.019
				2026-11-23T10:02:30Z,error-rate,0.022
				2026-11-23T10:03:00Z,error-rate,0.01
				2026-11-23T10:03:00Z,transaction-failures,0.002
				""");
		CliRun drill = CliRun.of("cutover", "drill", "--samples", samples.toString(), "--config", config.toString());
		assertThat(drill.exitCode()).as(drill.err()).isZero();
		assertThat(drill.out()).isEqualTo("""
				drill: 10 samples from %s, 2026-11-23T10:00:00Z to 2026-11-23T10:03:00Z (nothing was changed)
				trigger               fires when                   for  would fire at         measured
				--------------------  ---------------------------  ---  --------------------  ------------------------------------------
				error-rate            > 1.5000 %%                   2m   2026-11-23T10:02:30Z  2.2000 %%, above since 2026-11-23T10:00:30Z
				transaction-failures  > 0.5000 %%                   2m   never                 max 0.2000 %%
				response-time         > 300 ms (SLA 250 ms × 1.2)  2m   never                 max 320 ms
				kill switch: would fire at 2026-11-23T10:02:30Z on error-rate (phase -> SHADOW, checkpoint, webhook); later firings need a deliberate re-advance first
				""".formatted(samples));
		assertThat(dir.resolve("control.mv.db")).as("the drill never opens the control database").doesNotExist();

		Path json = dir.resolve("quiet.json");
		Files.writeString(json, "[{\"time\": \"2026-11-23T10:00:00Z\", \"signal\": \"error-rate\", \"value\": 0.001}]");
		CliRun quiet = CliRun.of("cutover", "drill", "--samples", json.toString(), "--config", config.toString());
		assertThat(quiet.out()).contains("error-rate            > 1.5000 %", "never", "max 0.1000 %")
			.endsWith("kill switch: would not fire\n");
	}

	@Test
	void statusAdvanceAndBadInput() throws Exception {
		CliRun status = CliRun.of("cutover", "status", "--config", config.toString());
		assertThat(status.exitCode()).as(status.err()).isZero();
		assertThat(status.out()).startsWith("cutover: SHADOW, 0 % of the traffic to the target (never changed)\n"
				+ "next: CANARY (./parity cutover advance)\ntriggers (not armed in SHADOW)\n")
			.contains("response-time         > 300 ms (SLA 250 ms × 1.2)  2m   -       -");
		CliRun json = CliRun.of("cutover", "status", "--format", "json", "--config", config.toString());
		assertThat(json.out()).startsWith("{\"phase\":\"SHADOW\",\"targetShare\":0.0,");

		CliRun advance = CliRun.of("cutover", "advance", "--by", "olga", "--config", config.toString());
		assertThat(advance.exitCode()).isEqualTo(1);
		assertThat(advance.err()).isEqualTo("refused: cannot advance from SHADOW to CANARY: the exit criteria for CANARY"
				+ " are not met: record-count variance (every table) is no counts result for customers, needs <= 0.0100 %;"
				+ " field match rate (every table) is no diff result for customers, needs >= 99.9000 %\n");
		CliRun rollback = CliRun.of("cutover", "rollback", "--config", config.toString());
		assertThat(rollback.exitCode()).isEqualTo(1);
		assertThat(rollback.err()).isEqualTo("refused: cannot roll back from SHADOW: the target already serves no traffic\n");

		CliRun missing = CliRun.of("cutover", "drill", "--samples", dir.resolve("nope.csv").toString(), "--config",
				config.toString());
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.err()).isEqualTo("error: cutover drill: samples file " + dir.resolve("nope.csv") + " not found\n");
		Path bad = dir.resolve("bad.csv");
		Files.writeString(bad, "time,signal,value\n2026-11-23T10:00:00Z,cpu,1\n");
		assertThat(CliRun.of("cutover", "drill", "--samples", bad.toString(), "--config", config.toString()).err())
			.isEqualTo("error: cutover drill: " + bad + " line 2: unknown signal 'cpu'; known: error-rate,"
					+ " transaction-failures, response-time\n");
		assertThat(CliRun.of("cutover", "jump", "--config", config.toString()).exitCode()).isEqualTo(2);
	}

	@Test
	void withUsersConfiguredByMustNameOne() throws Exception {
		Files.writeString(config, Files.readString(config) + """
				  users:
				    - { name: anna, password: "$2a$10$abcdefghijklmnopqrstuuJ2Gl6m2Sx1VQZyuVxg8S5Zp0OJb3xkW", roles: [operator, approver] }
				""");
		CliRun unknown = CliRun.of("cutover", "advance", "--by", "mallory", "--config", config.toString());
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err()).isEqualTo("error: cutover advance: 'mallory' is not a user of parity.users;"
				+ " pass --by NAME with a configured user\n");
	}

}
