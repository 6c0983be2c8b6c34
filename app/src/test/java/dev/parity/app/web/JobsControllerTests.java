package dev.parity.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import dev.parity.core.repository.AuditLog;
import dev.parity.core.run.LaunchingProcess;
import dev.parity.core.run.ParityJobParameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The jobs page and {@code /api/jobs}, {@code /api/executions}: every job with its schedule; a launch
 * runs in the background as the user's execution and is followed to the end; the same job never runs
 * twice at once; stop, restart (only a FAILED or STOPPED one), a failed step's error as a sentence with
 * the stack trace behind a toggle; the live fragments poll only while an execution runs.
 */
@ConsoleTest
class JobsControllerTests extends ConsoleTestSupport {

	@Autowired
	JobRepository repository;

	@Autowired
	AuditLog audit;

	@BeforeEach
	void given() {
		clearControl();
	}

	@Test
	void everyJobIsListedWithItsScheduleAndOnlyOperatorsSeeTheLaunchForm() throws Exception {
		String viewer = page("/jobs", "VIEWER");
		assertThat(viewer).contains("counts").contains("diff").contains("reconcile").contains("report").contains("schema")
			.contains("0 0 * * * ?")
			.contains("hx-trigger=\"every 2s\"")
			.doesNotContain("Launch a job");
		assertThat(page("/jobs", "VIEWER", "OPERATOR")).contains("Launch a job").contains("dry run");
		JsonNode jobs = api("/api/jobs");
		assertThat(jobs.findValuesAsString("name")).contains("counts", "diff", "reconcile", "report", "schema");
	}

	@Test
	void aLaunchRunsInTheBackgroundAsTheUsersExecutionAndIsFollowedToTheEnd() throws Exception {
		String location = mvc.perform(post("/jobs/launch").param("job", "counts")
			.param("tables", "customers")
			.with(csrf())
			.with(user("olivia").roles("VIEWER", "OPERATOR")))
			.andExpect(redirectedUrlPattern("/executions/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		JsonNode done = awaitEnd(id);
		assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(done.get("trigger").asString()).isEqualTo("console:olivia");
		assertThat(done.get("tables").asString()).isEqualTo("customers");
		assertThat(done.get("steps").findValuesAsString("name")).contains("schemaStep", "countsStep");
		assertThat(audit.byAction("JOB_LAUNCHED", 10)).anySatisfy((e) -> {
			assertThat(e.actor()).isEqualTo("console:olivia");
			assertThat(e.detail()).isEqualTo("countsJob execution " + id + " started on customers");
		});
		String page = page("/executions/" + id, "VIEWER");
		assertThat(page).contains("countsStep").contains("COMPLETED").doesNotContain("hx-trigger");

		String accepted = mvc.perform(post("/api/jobs/counts/launch").contentType(MediaType.APPLICATION_JSON)
			.content("{\"tables\": [\"orders\"]}")
			.with(httpBasic("olivia", ConsoleFixture.PASSWORD)))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long second = JsonMapper.builder().build().readTree(accepted).get("executionId").asLong();
		assertThat(awaitEnd(second).get("status").asString()).isEqualTo("COMPLETED");
	}

	@Test
	void badLaunchesAreOneSentence() throws Exception {
		launch("nosuch", "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.startsWith("there is no job named 'nosuch'; jobs: checksum, counts, diff")));
		launch("counts", "{\"tables\": [\"ghosts\"]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("there is no table pair named 'ghosts' in parity.yml"));
		launch("counts", "{\"dryRun\": true}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("a dry run exists for reconcile only, not for counts"));
		launch("counts", "not json").andExpect(status().isBadRequest());
	}

	@Test
	void aRunningJobIsNotStartedTwiceAndCanBeStoppedThenRestartedWhenFailed() throws Exception {
		JobExecution running = execution("schemaJob", BatchStatus.STARTED);
		launch("schema", "{}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.error").value("schemaJob execution " + running.getId()
					+ " is still running; stop it or wait for it to finish (if its process is gone, ./parity abandon "
					+ running.getId() + " marks it failed)"));
		String live = page("/executions/" + running.getId() + "/progress", "VIEWER");
		assertThat(live).contains("hx-trigger=\"every 2s\"").contains("STARTED");
		mvc.perform(post("/api/executions/" + running.getId() + "/restart").with(httpBasic("olivia", ConsoleFixture.PASSWORD)))
			.andExpect(status().isConflict());

		mvc.perform(post("/executions/" + running.getId() + "/stop").with(csrf()).with(user("olivia").roles("VIEWER", "OPERATOR")))
			.andExpect(redirectedUrlPattern("/executions/*"));
		// Nothing in this JVM runs it, so Spring Batch marks it STOPPED at once (a live one goes STOPPING first).
		assertThat(repository.getJobExecution(running.getId()).getStatus()).isIn(BatchStatus.STOPPING, BatchStatus.STOPPED);
		assertThat(audit.byAction("JOB_STOP_REQUESTED", 10)).anySatisfy((e) -> assertThat(e.actor()).isEqualTo("console:olivia"));

		// The process running it died: the execution is FAILED, with the failure of its step.
		JobExecution failed = repository.getJobExecution(running.getId());
		StepExecution step = failed.getStepExecutions().iterator().next();
		step.setStatus(BatchStatus.FAILED);
		step.setExitStatus(ExitStatus.FAILED.addExitDescription(
				"java.lang.IllegalStateException: the source database is unreachable: connection refused\n\tat dev.parity.Example.run(Example.java:1)"));
		step.setEndTime(LocalDateTime.now());
		repository.update(step);
		failed.setStatus(BatchStatus.FAILED);
		failed.setExitStatus(step.getExitStatus());
		failed.setEndTime(LocalDateTime.now());
		repository.update(failed);
		String page = page("/executions/" + failed.getId(), "VIEWER", "OPERATOR");
		assertThat(page).contains("the source database is unreachable: connection refused")
			.contains("<summary>technical details (stack trace)</summary>")
			.contains("at dev.parity.Example.run")
			.contains("Restart where it stopped");
		mvc.perform(post("/api/executions/" + failed.getId() + "/stop").with(httpBasic("olivia", ConsoleFixture.PASSWORD)))
			.andExpect(status().isConflict());

		String restarted = mvc.perform(post("/executions/" + failed.getId() + "/restart").with(csrf())
			.with(user("olivia").roles("VIEWER", "OPERATOR")))
			.andExpect(redirectedUrlPattern("/executions/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(restarted.substring(restarted.lastIndexOf('/') + 1));
		assertThat(id).isNotEqualTo(failed.getId());
		JsonNode done = awaitEnd(id);
		assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(repository.getJobExecution(id).getJobInstance().getInstanceId())
			.isEqualTo(failed.getJobInstance().getInstanceId());
		assertThat(audit.byAction("JOB_RESTARTED", 10)).anySatisfy((e) -> assertThat(e.detail())
			.isEqualTo("schemaJob execution " + failed.getId() + " restarted as execution " + id));
		mvc.perform(post("/api/executions/" + id + "/restart").with(httpBasic("olivia", ConsoleFixture.PASSWORD)))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/executions/999999").with(httpBasic("victor", ConsoleFixture.PASSWORD)))
			.andExpect(status().isNotFound());
	}

	@Test
	void restartRecoversARunLeftStartedByAKilledProcessAndNamesAbandonForOneItCannotJudge() throws Exception {
		// given a schema run left STARTED by a CLI process that was killed (on this host)
		Process killed = new ProcessBuilder("sleep", "30").start();
		String killedProcess = LaunchingProcess.of(killed.toHandle());
		killed.destroyForcibly().waitFor();
		JobExecution orphan = execution("schemaJob", BatchStatus.STARTED, killedProcess);

		// when an operator restarts it from the API: recovered (FAILED, audited), then restarted where it stopped
		String accepted = mvc.perform(post("/api/executions/" + orphan.getId() + "/restart")
			.with(httpBasic("olivia", ConsoleFixture.PASSWORD)))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = JsonMapper.builder().build().readTree(accepted).get("executionId").asLong();
		assertThat(awaitEnd(id).get("status").asString()).isEqualTo("COMPLETED");
		assertThat(repository.getJobExecution(id).getJobInstance().getInstanceId())
			.isEqualTo(orphan.getJobInstance().getInstanceId());
		assertThat(repository.getJobExecution(orphan.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(audit.byAction("JOB_RECOVERED", 10)).singleElement().satisfies((e) -> {
			assertThat(e.actor()).isEqualTo("console:olivia");
			assertThat(e.detail()).isEqualTo("schemaJob execution " + orphan.getId() + " was left running by "
					+ LaunchingProcess.describe(killedProcess) + ", which is gone; marked FAILED (restartable)");
		});
		assertThat(audit.byAction("JOB_RESTARTED", 10)).anySatisfy((e) -> assertThat(e.detail())
			.isEqualTo("schemaJob execution " + orphan.getId() + " restarted as execution " + id));

		// given one left STARTED by a process on another host: nothing can be told from here
		JobExecution elsewhere = execution("countsJob", BatchStatus.STARTED, "db-7/boot/4242/1700000000000");
		mvc.perform(post("/api/executions/" + elsewhere.getId() + "/restart")
			.with(httpBasic("olivia", ConsoleFixture.PASSWORD)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error").value("countsJob execution " + elsewhere.getId()
					+ " is still running; stop it or wait for it to finish (if its process is gone, ./parity abandon "
					+ elsewhere.getId() + " marks it failed)"));
		assertThat(repository.getJobExecution(elsewhere.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
		// and it holds off every job that writes verdicts, not only its own
		launch("diff", "{}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.startsWith("countsJob execution " + elsewhere.getId()
					+ " is still running")));
		elsewhere.setStatus(BatchStatus.FAILED); // as ./parity abandon would, so that the next test starts clean
		elsewhere.setEndTime(LocalDateTime.now());
		repository.update(elsewhere);
	}

	// An execution as a launcher leaves it: created, with one step, in the given status.
	private JobExecution execution(String job, BatchStatus status) throws Exception {
		return execution(job, status, null);
	}

	private JobExecution execution(String job, BatchStatus status, String process) throws Exception {
		JobParametersBuilder builder = new JobParametersBuilder().addString(ParityJobParameters.TABLES, "customers")
			.addString(ParityJobParameters.TRIGGER, "cli", false)
			.addString(ParityJobParameters.LAUNCH, Instant.now().toString());
		if (process != null) {
			builder.addString(ParityJobParameters.PROCESS, process, false);
		}
		JobParameters parameters = builder.toJobParameters();
		JobInstance instance = repository.createJobInstance(job, parameters);
		JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
		execution.setStatus(status);
		execution.setStartTime(LocalDateTime.now());
		repository.update(execution);
		StepExecution step = repository.createStepExecution("schemaStep", execution);
		step.setStatus(status);
		step.setStartTime(LocalDateTime.now());
		repository.update(step);
		return repository.getJobExecution(execution.getId());
	}

	private org.springframework.test.web.servlet.ResultActions launch(String job, String body) throws Exception {
		return mvc.perform(post("/api/jobs/" + job + "/launch").contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(httpBasic("olivia", ConsoleFixture.PASSWORD)));
	}

	private JsonNode awaitEnd(long id) {
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
			last[0] = api("/api/executions/" + id);
			return !last[0].get("running").asBoolean();
		});
		return last[0];
	}

	private String page(String path, String... roles) throws Exception {
		return mvc.perform(get(path).with(user(roles.length > 1 ? "olivia" : "victor").roles(roles)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private JsonNode api(String path) throws Exception {
		return JsonMapper.builder()
			.build()
			.readTree(mvc.perform(get(path).with(httpBasic("victor", ConsoleFixture.PASSWORD)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
	}

}
