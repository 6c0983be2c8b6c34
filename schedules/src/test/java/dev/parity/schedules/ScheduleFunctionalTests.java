package dev.parity.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.parity.core.run.LaunchingProcess;
import dev.parity.core.run.ParityJobParameters;
import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;
import dev.parity.schedules.ScheduleTestApplication.Run;

/**
 * The schedules with short crons against a real PostgreSQL control database (Quartz's clustered JDBC
 * store needs a real one): firing on time, no overlap, skip and recovery rules, restart and misfire,
 * trigger synchronisation, and two clustered nodes. Each test has a fresh schema migrated by Flyway.
 */
@RequiresDatabase(TestDatabases.POSTGRES)
class ScheduleFunctionalTests {

	private static final String EVERY_SECOND = "* * * * * ?";

	private TestSchema control;

	private JdbcTemplate jdbc;

	@BeforeEach
	void freshControlSchema() {
		control = TestDatabases.POSTGRES.freshSchema();
		jdbc = new JdbcTemplate(new DriverManagerDataSource(control.url(), control.user(), control.password()));
		ScheduleTestApplication.RUNS.clear();
	}

	@AfterEach
	void dropSchema() {
		control.close();
	}

	@Test
	void eachFiringStartsItsJobOnTimeAsItsOwnJobInstance() {
		// given counts every second
		try (ScheduleNode node = ScheduleNode.start(control, "node-a", Map.of("counts", EVERY_SECOND))) {
			// when it runs for a few seconds
			await().atMost(Duration.ofSeconds(10)).until(() -> ScheduleTestApplication.runs("countsJob").size() >= 3);
			node.stop();
		}
		// then each firing was one job instance, launched for its whole-second slot and started within a
		// second and a half of it (a firing later than the misfire threshold on a loaded machine fires "now")
		List<Run> runs = ScheduleTestApplication.runs("countsJob");
		assertThat(runs).hasSizeGreaterThanOrEqualTo(3);
		assertThat(runs.stream().map(Run::launch).distinct()).hasSameSizeAs(runs);
		List<Run> onSlot = runs.stream().filter((r) -> Instant.parse(r.launch()).getNano() == 0).toList();
		assertThat(onSlot).hasSizeGreaterThanOrEqualTo(3);
		for (Run run : onSlot) {
			assertThat(Duration.between(Instant.parse(run.launch()), run.started())).isBetween(Duration.ZERO,
					Duration.ofMillis(1500));
		}
		assertThat(runs).allMatch((r) -> r.node().equals("node-a"));
		assertThat(count("SELECT COUNT(*) FROM batch_job_instance WHERE job_name = 'countsJob'")).isEqualTo(runs.size());
		assertThat(count("SELECT COUNT(*) FROM batch_job_execution_params WHERE parameter_name = 'trigger'"
				+ " AND parameter_value = 'schedule'")).isEqualTo(runs.size());
		assertThat(audit("SCHEDULE_LAUNCHED")).hasSize(runs.size()).allMatch((d) -> d.startsWith("countsJob execution "));
	}

	@Test
	void aSlowJobNeverOverlapsItselfAndEachSkippedFiringIsRecorded() {
		// given diff every second, taking 2.5 s
		try (ScheduleNode node = ScheduleNode.start(control, "node-a", Map.of("diff", EVERY_SECOND))) {
			// when three runs have finished
			await().atMost(Duration.ofSeconds(20)).until(() -> ScheduleTestApplication.runs("diffJob").size() >= 3);
			node.stop();
		}
		// then no two runs overlapped, and the firings in between were skipped and recorded
		List<Run> runs = ScheduleTestApplication.runs("diffJob").stream().sorted(Comparator.comparing(Run::started)).toList();
		for (int i = 1; i < runs.size(); i++) {
			assertThat(runs.get(i).started()).as("run %d starts after run %d ended", i, i - 1)
				.isAfterOrEqualTo(runs.get(i - 1).ended());
		}
		List<String> skipped = audit("SCHEDULE_SKIPPED");
		assertThat(skipped).hasSizeGreaterThanOrEqualTo(2 * (runs.size() - 1))
			.allMatch((d) -> d.startsWith("diff firing scheduled at ") && d.contains("is still running; this firing is skipped"));
		assertThat(audit("SCHEDULE_LAUNCHED")).hasSize(runs.size());
	}

	@Test
	void aRunStartedElsewhereMakesFiringsSkipAndARunLeftByAGoneNodeIsRecovered() throws Exception {
		try (ScheduleNode node = ScheduleNode.start(control, "node-a", Map.of("counts", EVERY_SECOND))) {
			JobRepository repository = node.bean(JobRepository.class);
			// given a counts run started by the CLI, still running (in this very process)
			JobExecution cli = running(repository, "cli", null, LaunchingProcess.current());
			Instant blockedFrom = Instant.now().plusSeconds(1);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> audit("SCHEDULE_SKIPPED").stream()
					.filter((d) -> d.contains("countsJob execution " + cli.getId() + " (started by cli"))
					.count() >= 2);
			// then no scheduled counts run started while it ran
			assertThat(ScheduleTestApplication.runs("countsJob")).noneMatch((r) -> r.started().isAfter(blockedFrom));

			// given the CLI run finished, and a scheduled run left STARTED by a node that is gone
			cli.setStatus(BatchStatus.COMPLETED);
			cli.setEndTime(java.time.LocalDateTime.now());
			repository.update(cli);
			JobExecution orphan = running(repository, "schedule", "node-gone", null);
			Instant recoveredFrom = Instant.now();
			// when the next firing comes
			await().atMost(Duration.ofSeconds(10))
				.until(() -> ScheduleTestApplication.runs("countsJob").stream().anyMatch((r) -> r.started().isAfter(recoveredFrom)));
			// then the orphan was recovered (FAILED, restartable) and the schedule runs again
			assertThat(repository.getJobExecution(orphan.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(audit("SCHEDULE_RECOVERED")).containsExactly("countsJob execution " + orphan.getId()
					+ " was left running by node node-gone, which is gone; marked FAILED (restartable)");

			// given a CLI run left STARTED by a process that was killed (on this host)
			Process killed = new ProcessBuilder("sleep", "30").start();
			String killedProcess = LaunchingProcess.of(killed.toHandle());
			killed.destroyForcibly().waitFor();
			JobExecution left = running(repository, "cli", null, killedProcess);
			Instant recoveredAgainFrom = Instant.now();
			// when the next firing comes: recovered, and the schedule runs again
			await().atMost(Duration.ofSeconds(10))
				.until(() -> ScheduleTestApplication.runs("countsJob").stream()
					.anyMatch((r) -> r.started().isAfter(recoveredAgainFrom)));
			assertThat(repository.getJobExecution(left.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(audit("SCHEDULE_RECOVERED")).contains("countsJob execution " + left.getId()
					+ " was left running by " + LaunchingProcess.describe(killedProcess)
					+ ", which is gone; marked FAILED (restartable)");
			node.stop();
		}
	}

	@Test
	void aRestartResumesTheStoredScheduleAndFiresOnceForTheDowntime() throws InterruptedException {
		// given counts every second ran on a node that is then stopped for four seconds
		Instant stopped;
		try (ScheduleNode node = ScheduleNode.start(control, "node-a", Map.of("counts", EVERY_SECOND))) {
			await().atMost(Duration.ofSeconds(10)).until(() -> ScheduleTestApplication.runs("countsJob").size() >= 2);
			node.stop();
			stopped = Instant.now();
		}
		long triggerStart = count("SELECT start_time FROM qrtz_triggers WHERE trigger_name = 'counts'");
		int before = ScheduleTestApplication.runs("countsJob").size();
		Thread.sleep(4_000);
		// when a node starts again on the same control database
		Instant restarted = Instant.now();
		try (ScheduleNode node = ScheduleNode.start(control, "node-b", Map.of("counts", EVERY_SECOND))) {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> ScheduleTestApplication.runs("countsJob").size() >= before + 3);
			// then the stored trigger was kept (not re-created) ...
			assertThat(count("SELECT start_time FROM qrtz_triggers WHERE trigger_name = 'counts'")).isEqualTo(triggerStart);
			assertThat(node.bean(ScheduleSynchronizer.class).report()).isEmpty();
			node.stop();
		}
		List<Run> after = ScheduleTestApplication.runs("countsJob").subList(before, ScheduleTestApplication.runs("countsJob").size());
		// ... no missed slot of the downtime was replayed ...
		assertThat(after).allMatch((r) -> !Instant.parse(r.launch()).isBefore(restarted.minusMillis(500)),
				"no firing for a slot of the downtime");
		assertThat(ScheduleTestApplication.runs("countsJob").subList(0, before))
			.allMatch((r) -> Instant.parse(r.launch()).isBefore(stopped));
		// ... the misfire fired once, at once (its launch is "now", not a whole-second slot), then the cron went on
		assertThat(after.stream().filter((r) -> Instant.parse(r.launch()).getNano() != 0)).hasSize(1);
		assertThat(after.stream().filter((r) -> Instant.parse(r.launch()).getNano() == 0)).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void changingOrRemovingACronUpdatesOrRemovesItsTriggerAndAPauseSurvivesACronChange() {
		Map<String, String> first = new LinkedHashMap<>();
		first.put("counts", "0 0 * * * ?");
		first.put("diff", "0 30 1 * * ?");
		try (ScheduleNode node = ScheduleNode.start(control, "node-a", first)) {
			assertThat(node.bean(ScheduleSynchronizer.class).report()).containsExactly(
					"parity.schedules.counts: scheduled \"0 0 * * * ?\" (UTC)",
					"parity.schedules.diff: scheduled \"0 30 1 * * ?\" (UTC)");
			ScheduleEntry counts = node.bean(ScheduleOverview.class).list().get(0);
			assertThat(counts.state()).isEqualTo("SCHEDULED");
			assertThat(counts.nextFireTime()).isEqualTo(nextTopOfHour(0));
			// an operator pauses counts
			assertThat(node.bean(ScheduleSynchronizer.class).pause("counts")).isTrue();
		}
		Map<String, String> second = new LinkedHashMap<>();
		second.put("counts", "0 15 * * * ?");
		second.put("checksum", "0 0 3 ? * SUN");
		try (ScheduleNode node = ScheduleNode.start(control, "node-a", second)) {
			assertThat(node.bean(ScheduleSynchronizer.class).report()).containsExactly(
					"parity.schedules.counts: changed to \"0 15 * * * ?\" (UTC); still paused",
					"warning: parity.schedules.checksum: the checksum job is not available in this version; not scheduled",
					"parity.schedules.diff: removed (no longer in the configuration)");
			assertThat(node.bean(ScheduleOverview.class).list()).containsExactly(
					new ScheduleEntry("counts", "0 15 * * * ?", "UTC", "PAUSED", nextTopOfHour(15)),
					new ScheduleEntry("checksum", "0 0 3 ? * SUN", "UTC", "NOT AVAILABLE", null));
			assertThat(node.bean(ScheduleSynchronizer.class).resume("counts")).isTrue();
		}
		assertThat(jdbc.queryForList("SELECT trigger_name || ' ' || cron_expression FROM qrtz_cron_triggers", String.class))
			.containsExactly("counts 0 15 * * * ?");
		assertThat(jdbc.queryForList("SELECT job_name FROM qrtz_job_details", String.class)).containsExactly("counts");
		// a one-shot command (scheduler not started) reads the store and changes nothing
		try (ScheduleNode node = ScheduleNode.start(control, "node-a", Map.of("counts", "0 45 * * * ?"), false)) {
			assertThat(node.bean(ScheduleSynchronizer.class).report()).isEmpty();
			assertThat(node.bean(ScheduleOverview.class).list())
				.containsExactly(new ScheduleEntry("counts", "0 45 * * * ?", "UTC", "CHANGED", nextTopOfHour(15)));
		}
		assertThat(jdbc.queryForList("SELECT cron_expression FROM qrtz_cron_triggers", String.class))
			.containsExactly("0 15 * * * ?");
	}

	@Test
	void twoNodesFireEachTriggerOnceInTotalAndTheSurvivorTakesOver() {
		// given two clustered nodes on one control database, counts every second
		ScheduleNode b = ScheduleNode.start(control, "node-b", Map.of("counts", EVERY_SECOND));
		try {
			try (ScheduleNode a = ScheduleNode.start(control, "node-a", Map.of("counts", EVERY_SECOND))) {
				Instant bothUp = Instant.now();
				await().atMost(Duration.ofSeconds(15))
					.until(() -> ScheduleTestApplication.runs("countsJob").stream().filter((r) -> r.started().isAfter(bothUp)).count() >= 5);
				a.stop();
			}
			int whileBoth = ScheduleTestApplication.runs("countsJob").size();
			// when node a is gone, node b keeps every schedule
			await().atMost(Duration.ofSeconds(15)).until(() -> ScheduleTestApplication.runs("countsJob").size() >= whileBoth + 3);
			assertThat(ScheduleTestApplication.runs("countsJob").subList(whileBoth, whileBoth + 3))
				.allMatch((r) -> r.node().equals("node-b"));
			b.stop();
		}
		finally {
			b.close();
		}
		// then every slot fired exactly once in total: launched or (if the previous run still ran) skipped, on
		// one node only; one job instance per launch
		List<Run> runs = ScheduleTestApplication.runs("countsJob");
		assertThat(runs.stream().map(Run::launch).distinct()).hasSameSizeAs(runs);
		assertThat(count("SELECT COUNT(*) FROM batch_job_execution")).isEqualTo(runs.size());
		assertThat(audit("SCHEDULE_LAUNCHED")).hasSize(runs.size());
		List<String> firedSlots = java.util.stream.Stream.concat(audit("SCHEDULE_LAUNCHED").stream(), audit("SCHEDULE_SKIPPED").stream())
			.map((d) -> d.replaceAll(".*scheduled at (\\S+).*", "$1"))
			.toList();
		assertThat(firedSlots).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(8);
		assertThat(audit("SCHEDULE_SKIPPED")).noneMatch((d) -> d.contains("already launched"));
	}

	private static JobExecution running(JobRepository repository, String trigger, String node, String process) {
		JobParametersBuilder builder = new JobParametersBuilder().addString("tables", "")
			.addString("trigger", trigger, false)
			.addString("launch", Instant.now().toString());
		if (node != null) {
			builder.addString(ScheduleKeys.NODE, node, false);
		}
		if (process != null) {
			builder.addString(ParityJobParameters.PROCESS, process, false);
		}
		JobParameters parameters = builder.toJobParameters();
		JobInstance instance = repository.createJobInstance("countsJob", parameters);
		JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
		execution.setStatus(BatchStatus.STARTED);
		execution.setStartTime(java.time.LocalDateTime.now());
		repository.update(execution);
		return execution;
	}

	private static Instant nextTopOfHour(int minute) {
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
		ZonedDateTime next = now.withMinute(minute).withSecond(0).withNano(0);
		return (next.isAfter(now) ? next : next.plusHours(1)).toInstant();
	}

	private long count(String sql) {
		Long value = jdbc.queryForObject(sql, Long.class);
		return value == null ? 0 : value;
	}

	private List<String> audit(String action) {
		return jdbc.queryForList("SELECT detail FROM parity_audit WHERE actor = 'schedule' AND action = ? ORDER BY id",
				String.class, action);
	}

}
