package dev.parity.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Validation pass one: the file itself. */
class ParityConfigLoaderTests {

	private static final Map<String, String> ENV = Map.of("PARITY_SOURCE_PASSWORD", "s3cr3t-pw");

	private static ParityConfig parse(String yaml) {
		return new ParityConfigLoader(ENV::get).parse(new StringReader(yaml), "parity.yml");
	}

	private static List<String> problems(String yaml) {
		return assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> parse(yaml))
			.actual()
			.problems()
			.stream()
			.map(ConfigProblem::toString)
			.toList();
	}

	@Test
	void bindsTheDesignExampleWithDefaults() {
		ParityConfig config = parse("""
				parity:
				  source:  { url: jdbc:mariadb://127.0.0.1:3306/legacy, username: app, password: "${PARITY_SOURCE_PASSWORD}" }
				  target:  { url: jdbc:postgresql://127.0.0.1:5432/warehouse, username: app, password: "" }
				  lag-window: 5m
				  tables:
				    - name: customers
				      source: customers
				      target: public.customer
				      key: [id]
				      updated-column: updated_at
				      critical: true
				      columns:
				        full_name: name
				        balance: balance_cents / 100.0
				      ignore: [loaded_at]
				    - name: orders
				      key: order_id
				""");
		assertThat(config.source().password()).isEqualTo("s3cr3t-pw");
		assertThat(config.control().url()).isEqualTo(ParityConfig.DEFAULT_CONTROL_URL);
		assertThat(config.lagWindow()).isEqualTo(Duration.ofMinutes(5));
		assertThat(config.thresholds().countVariance()).isEqualTo(0.0001);
		assertThat(config.thresholds().maxLag()).isEqualTo(Duration.ofMinutes(15));
		TableMapping customers = config.tables().get(0);
		assertThat(customers.target()).isEqualTo("public.customer");
		assertThat(customers.columns()).containsEntry("balance", "balance_cents / 100.0");
		assertThat(customers.critical()).isTrue();
		assertThat(config.tables().get(1).key()).containsExactly("order_id");
		assertThat(config.tables().get(1).source()).isEqualTo("orders");
		assertThat(config.source().toString()).doesNotContain("s3cr3t-pw");
		// every connection has timeouts by default
		for (ConnectionSettings connection : List.of(config.source(), config.target(), config.control())) {
			assertThat(connection.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(connection.socketTimeout()).isEqualTo(Duration.ofMinutes(30));
			assertThat(connection.stallTimeout()).isEqualTo(Duration.ofMinutes(2));
		}
	}

	@Test
	void bindsEachConnectionsTimeoutsAndRefusesANegativeOne() {
		ParityConfig config = parse("""
				parity:
				  source: { url: "jdbc:mariadb://h/db", connect-timeout: 3s, socket-timeout: 5m, stall-timeout: 0s }
				  target: { url: "jdbc:postgresql://h/db", stall-timeout: 500ms }
				  tables: [ { name: t } ]
				""");
		assertThat(config.source().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(config.source().socketTimeout()).isEqualTo(Duration.ofMinutes(5));
		assertThat(config.source().stallTimeout()).isZero();
		assertThat(config.target().stallTimeout()).isEqualTo(Duration.ofMillis(500));
		assertThat(config.target().socketTimeout()).isEqualTo(Duration.ofMinutes(30));

		assertThat(problems("""
				parity:
				  source: { url: "jdbc:mariadb://h/db", socket-timeout: PT-5S }
				  target: { url: "jdbc:postgresql://h/db", stall-timeout: soon }
				  tables: [ { name: t } ]
				""")).containsExactlyInAnyOrder(
				"parity.source (line 2): socket-timeout must not be negative (0 switches it off)",
				"parity.target.stall-timeout (line 3): expected a duration such as 500ms, 30s, 5m, 2h or 1d, found 'soon'");
	}

	@Test
	void reportsEveryProblemAtOnceWithItsPathAndLine() {
		List<String> problems = problems("""
				parity:
				  source: { url: jdbc:mariadb://h/db, pasword: x }
				  target: { username: app }
				  lag-window: soon
				  tabels: []
				  thresholds: { count-variance: high }
				  tables:
				    - name: customers
				      key: []
				      critical: maybe
				    - source: orders
				    - name: customers
				      key: [id]
				      columns: [a, b]
				""");
		assertThat(problems).containsExactlyInAnyOrder(
				"parity.source.pasword (line 2): unknown key; allowed here: url, username, password, pool-size, connect-timeout, socket-timeout, stall-timeout, time-zone",
				"parity.target.url (line 3): is required",
				"parity.lag-window (line 4): expected a duration such as 500ms, 30s, 5m, 2h or 1d, found 'soon'",
				"parity.tabels (line 5): unknown key; allowed here: name, source, target, control, lag-window, tables, thresholds, diff, exit-criteria, sla, report, schedules, time-zone, reconcile, users, checksum, cutover",
				"parity.thresholds.count-variance (line 6): expected a number, found 'high'",
				"parity.tables[0].critical (line 10): expected true or false, found 'maybe'",
				"parity.tables[1].name (line 11): is required",
				"parity.tables[2].columns (line 14): expected a mapping of name: value, found a list",
				"parity.tables[0].key: must name at least one column (leave it out to use the target's primary key)",
				"parity.tables[2].name: 'customers' is used by another table pair");
	}

	@Test
	void bindsCutoverWithItsDefaults() {
		ParityConfig config = new ParityConfigLoader((name) -> null).parse(new StringReader("""
				parity:
				  source: { url: jdbc:h2:mem:s }
				  target: { url: jdbc:h2:mem:t }
				  tables: [ { name: t } ]
				  thresholds: { max-lag: 20m }
				  cutover:
				    phases: { canary: { share: 0.05, requires: [match-rate] } }
				    triggers: { error-rate: { threshold: 0.02 }, response-time: { window: 5m } }
				    metrics: { prometheus-url: "http://prometheus:9090", error-rate: "sum(rate(x[1m]))", poll-interval: 30s }
				    webhook: { url: "https://hooks.example.org/parity", retries: 5 }
				"""), "parity.yml");
		CutoverSettings cutover = config.cutover();
		assertThat(cutover.phases().canary()).isEqualTo(new PhaseSettings(0.05, List.of("match-rate")));
		assertThat(cutover.phases().half()).isEqualTo(new PhaseSettings(0.5, List.of("critical-defects", "count-variance", "match-rate")));
		assertThat(cutover.triggers().errorRate()).isEqualTo(new TriggerSettings(0.02, java.time.Duration.ofMinutes(2)));
		assertThat(cutover.triggers().transactionFailures()).isEqualTo(new TriggerSettings(0.005, java.time.Duration.ofMinutes(2)));
		assertThat(cutover.triggers().responseTime()).isEqualTo(new TriggerSettings(1.2, java.time.Duration.ofMinutes(5)));
		assertThat(cutover.metrics().pollInterval()).isEqualTo(java.time.Duration.ofSeconds(30));
		assertThat(cutover.webhook()).isEqualTo(new WebhookSettings("https://hooks.example.org/parity", 5,
				java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(1)));
		assertThat(cutover.lag().threshold()).as("thresholds.max-lag").isEqualTo(java.time.Duration.ofMinutes(20));
	}

	@Test
	void reportsCutoverProblems() {
		List<String> problems = problems("""
				parity:
				  source: { url: jdbc:h2:mem:s }
				  target: { url: jdbc:h2:mem:t }
				  tables: [ { name: t } ]
				  cutover:
				    phases: { canary: { share: 0.6, requires: [uptime] }, halfway: {} }
				    triggers: { error-rate: { threshold: 0 } }
				    metrics: { error-rate: "up" }
				    webhook: { url: "hooks.example.org", retries: -1 }
				""");
		assertThat(problems).containsExactlyInAnyOrder(
				"parity.cutover.phases.halfway (line 6): unknown key; allowed here: canary, half, full, decommissioned",
				"parity.cutover.phases.canary.requires: unknown exit criterion 'uptime'; known: critical-defects, count-variance, match-rate, response-time",
				"parity.cutover.phases: shares must not decrease from canary to half to full (found 0.6, 0.5, 1.0)",
				"parity.cutover.triggers.error-rate.threshold: must be above 0, not 0.0",
				"parity.cutover.metrics.prometheus-url: is required when a PromQL query is configured (e.g. http://prometheus:9090)",
				"parity.cutover.webhook.url: 'hooks.example.org' is not an http:// or https:// URL",
				"parity.cutover.webhook.retries: must be 0 or more, not -1");
	}

	@Test
	void aPlaceholderDefaultAppliesWhenTheVariableIsUnset() {
		ParityConfig config = new ParityConfigLoader((name) -> null).parse(new StringReader("""
				parity:
				  source: { url: jdbc:h2:mem:s, password: "${PARITY_SOURCE_PASSWORD:}" }
				  target: { url: jdbc:h2:mem:t, password: "${PARITY_TARGET_PASSWORD:fallback}" }
				  tables: [ { name: t } ]
				"""), "parity.yml");
		org.assertj.core.api.Assertions.assertThat(config.source().password()).isEmpty();
		org.assertj.core.api.Assertions.assertThat(config.target().password()).isEqualTo("fallback");
	}

	@Test
	void anUnsetVariableWithoutDefaultIsAProblem() {
		List<String> problems = assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> new ParityConfigLoader((name) -> null).parse(new StringReader("""
					parity:
					  source: { url: jdbc:h2:mem:s, password: "${PARITY_SOURCE_PASSWORD}" }
					  target: { url: jdbc:h2:mem:t }
					  tables: [ { name: t } ]
					"""), "parity.yml"))
			.actual()
			.problems()
			.stream()
			.map(ConfigProblem::toString)
			.toList();
		assertThat(problems)
			.containsExactly("parity.source.password (line 2): environment variable PARITY_SOURCE_PASSWORD is not set");
	}

	@Test
	void aWrongPasswordValueIsNeverEchoed() {
		List<String> problems = problems("""
				parity:
				  source: { url: jdbc:h2:mem:s, password: [hunter2] }
				  target: { url: jdbc:h2:mem:t }
				  tables: [ { name: t } ]
				""");
		assertThat(String.join("\n", problems)).doesNotContain("hunter2");
	}

	@Test
	void emptyTablesAndInvalidYamlAreClear() {
		assertThat(problems("""
				parity:
				  source: { url: jdbc:h2:mem:s }
				  target: { url: jdbc:h2:mem:t }
				  tables: []
				""")).containsExactly("parity.tables: must list at least one table pair");
		assertThat(problems("parity: [unclosed")).singleElement().asString().startsWith("parity.yml (line 1): is not valid YAML");
	}

	@Test
	void schedulesBindInFileOrderWithUtcByDefault() {
		ParityConfig config = parse("""
				parity:
				  source: { url: jdbc:h2:mem:s }
				  target: { url: jdbc:h2:mem:t }
				  tables: [ { name: t } ]
				  schedules:
				    diff: "0 30 1 * * ?"
				    counts: "0 0 * * * ?"
				""");
		assertThat(config.schedules()).containsExactly(Map.entry("diff", "0 30 1 * * ?"), Map.entry("counts", "0 0 * * * ?"));
		assertThat(config.timeZone()).isEqualTo("UTC");
		assertThat(parse("""
				parity:
				  source: { url: jdbc:h2:mem:s }
				  target: { url: jdbc:h2:mem:t }
				  tables: [ { name: t } ]
				""").schedules()).isEmpty();
	}

	@Test
	void badCronsUnknownJobsAndTimeZonesAreReportedInPassOne() {
		assertThat(problems("""
				parity:
				  source: { url: jdbc:h2:mem:s }
				  target: { url: jdbc:h2:mem:t }
				  tables: [ { name: t } ]
				  schedules:
				    counts: "0 0 * * *"
				    diff: "0 30 1 * * ?"
				    cleanup: "0 0 4 * * ?"
				    report:
				  time-zone: Mars/Olympus
				""")).containsExactly(
				"parity.schedules.counts: '0 0 * * *' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year], e.g. \"0 0 * * * ?\"): Unexpected end of expression.",
				"parity.schedules.cleanup: unknown job; known jobs: counts, diff, schema, checksum, reconcile, report",
				"parity.schedules.report: needs a Quartz cron expression such as \"0 0 * * * ?\" (hourly); leave the key out to not schedule it",
				"parity.time-zone: 'Mars/Olympus' is not a time zone; use an IANA name such as UTC or Europe/Berlin");
	}

	@Test
	void aConnectionsTimeZoneBindsAsAZoneAndAnUnknownOneIsNamed() {
		ParityConfig config = parse("""
				parity:
				  source: { url: jdbc:h2:mem:s, time-zone: Europe/Berlin }
				  target: { url: jdbc:h2:mem:t }
				  tables: [ { name: t } ]
				""");
		assertThat(config.source().timeZone()).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
		assertThat(config.source().naiveZone()).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
		assertThat(config.target().timeZone()).isNull();
		assertThat(config.target().naiveZone()).isEqualTo(java.time.ZoneOffset.UTC);
		assertThat(problems("""
				parity:
				  source: { url: jdbc:h2:mem:s }
				  target: { url: jdbc:h2:mem:t, time-zone: Berlin }
				  tables: [ { name: t } ]
				""")).singleElement().asString().startsWith("parity.target.time-zone (line 3)")
			.contains("an IANA time zone name such as UTC or Europe/Berlin");
	}

	@Test
	void usersBindWithViewerByDefaultAndClearTextPasswordsAreRefusedWithoutEcho() {
		String hash = "$2a$10$" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0";
		ParityConfig config = parse("""
				parity:
				  source: { url: jdbc:h2:mem:s }
				  target: { url: jdbc:h2:mem:t }
				  tables: [ { name: t } ]
				  users:
				    - { name: alice, password: "{bcrypt}%s", roles: [operator, approver] }
				    - { name: bob, password: "%s" }
				""".formatted(hash, hash));
		assertThat(config.users()).extracting(UserSettings::name).containsExactly("alice", "bob");
		assertThat(config.users().get(0).roles()).containsExactly(UserRole.OPERATOR, UserRole.APPROVER);
		assertThat(config.users().get(1).roles()).containsExactly(UserRole.VIEWER);
		assertThat(config.users().get(1).has(UserRole.OPERATOR)).isFalse();
		assertThat(config.users().get(0).toString()).doesNotContain(hash);
		assertThat(problems("""
				parity:
				  source: { url: jdbc:h2:mem:s }
				  target: { url: jdbc:h2:mem:t }
				  tables: [ { name: t } ]
				  users:
				    - { name: alice, password: "%s", roles: [operator] }
				    - { name: alice, password: hunter2, roles: [boss] }
				""".formatted(hash))).containsExactly(
				"parity.users[1].roles[0] (line 7): expected one of viewer, operator, approver, found 'boss'",
				"parity.users[1].name: 'alice' is used by another user",
				"parity.users[1].password: must be a bcrypt hash (print one with ./parity password-hash), never the password itself");
	}

	@Test
	void maskUrlPasswords() {
		ConnectionSettings settings = new ConnectionSettings("jdbc:postgresql://h/db?user=a&password=topsecret", "a", "x",
				null);
		assertThat(settings.safeUrl()).isEqualTo("jdbc:postgresql://h/db?user=a&password=***");
		assertThat(settings.toString()).doesNotContain("topsecret");
	}

	@org.junit.jupiter.api.Test
	void reconcileSettingsAndRulesBindWithDefaultsAndRulesMustFitTheirType() {
		ParityConfig config = parse("""
				parity:
				  source: { url: "jdbc:h2:mem:s" }
				  target: { url: "jdbc:h2:mem:t" }
				  reconcile: { max-fixes: 500, max-rows-per-second: 200 }
				  tables:
				    - name: customers
				      rules: { extra-in-target: report-only, FIELD_MISMATCH: pause }
				""");
		assertThat(config.reconcile()).isEqualTo(new ReconcileSettings(500, 10.0, 200.0, 500));
		TableMapping customers = config.tables().get(0);
		assertThat(dev.parity.core.reconcile.ReconcileRules.of(customers,
				dev.parity.core.repository.DiscrepancyType.EXTRA_IN_TARGET)).isEqualTo(ReconcileRule.REPORT_ONLY);
		assertThat(dev.parity.core.reconcile.ReconcileRules.of(customers,
				dev.parity.core.repository.DiscrepancyType.FIELD_MISMATCH)).isEqualTo(ReconcileRule.PAUSE);
		assertThat(dev.parity.core.reconcile.ReconcileRules.of(customers,
				dev.parity.core.repository.DiscrepancyType.MISSING_IN_TARGET)).as("default").isEqualTo(ReconcileRule.INSERT);
		assertThat(dev.parity.core.reconcile.ReconcileRules.of(customers,
				dev.parity.core.repository.DiscrepancyType.DUPLICATE_IN_TARGET)).as("default").isEqualTo(ReconcileRule.DELETE);

		assertThat(problems("""
				parity:
				  source: { url: "jdbc:h2:mem:s" }
				  target: { url: "jdbc:h2:mem:t" }
				  reconcile: { max-table-percent: 0 }
				  tables:
				    - name: customers
				      rules: { missing-in-target: delete, NOT_A_TYPE: insert, extra-in-target: remove }
				""")).containsExactly(
				"parity.reconcile (line 4): max-table-percent must be above 0 and at most 100, not 0.0",
				"parity.tables[0].rules.extra-in-target (line 7): expected one of insert, update, delete, report-only, pause, found 'remove'",
				"parity.tables[0].rules.MISSING_IN_TARGET: 'delete' does not apply to MISSING_IN_TARGET; use one of [insert, pause, report-only]",
				"parity.tables[0].rules.NOT_A_TYPE: is not a discrepancy type; use one of [MISSING_IN_TARGET, EXTRA_IN_TARGET, FIELD_MISMATCH, DUPLICATE_IN_TARGET, SCHEMA_CONFLICT, COUNT_MISMATCH]");
	}

}
