package dev.parity.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;

import dev.parity.app.ParityApplication;
import dev.parity.core.config.ConnectionSettings;
import dev.parity.core.config.CutoverSettings;
import dev.parity.core.config.CutoverTriggers;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.SlaSettings;
import dev.parity.core.config.TableMapping;
import dev.parity.core.config.TriggerSettings;
import dev.parity.core.config.WebhookSettings;
import dev.parity.core.cutover.LocalHttp;
import dev.parity.core.repository.CheckResultRepository;
import dev.parity.core.repository.CountResult;
import dev.parity.core.repository.CutoverRepository;
import dev.parity.core.repository.DiffRepository;
import dev.parity.core.repository.DiffStats;
import dev.parity.core.repository.RunRepository;
import dev.parity.core.repository.SlaRepository;

/**
 * The cutover REST API over the whole application (embedded H2 control database) with MockMvc and no
 * security (the roles are set on the request, as Spring Security would): the status contract, a
 * refusal with its reason, advancing, and pushed samples crossing the error-rate window — the phase is
 * SHADOW at once, the real {@code checksumJob} was launched by name and wrote its checkpoint, its
 * execution is recorded in the incident, the local webhook receiver got one call.
 */
@SpringBootTest(classes = { ParityApplication.class, CutoverApiFunctionalTests.Config.class })
class CutoverApiFunctionalTests {

	static LocalHttp webhook;

	@TestConfiguration
	static class Config {

		@Bean
		ParityConfig parityConfig() throws Exception {
			webhook = new LocalHttp((r) -> new LocalHttp.Answer(200, ""));
			ConnectionSettings h2 = new ConnectionSettings("jdbc:h2:mem:api-side", "sa", "", 2);
			return new ParityConfig("api test", h2, h2,
					new ConnectionSettings("jdbc:h2:mem:api-control" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "", 4),
					null, List.of(new TableMapping("a", "a", "a", null, null, true, null, null)), null, null, null,
					new SlaSettings(Duration.ofMillis(250), null), null, null, null, null, null,
					new CutoverSettings(null,
							new CutoverTriggers(new TriggerSettings(null, Duration.ofSeconds(30)), null, null), null,
							new WebhookSettings(webhook.url("/hook"), 1, Duration.ofSeconds(2), Duration.ofMillis(10)), null));
		}

	}

	@Autowired
	CutoverApiController controller;

	@Autowired
	CutoverRepository cutover;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	RunRepository runs;

	@Autowired
	CheckResultRepository results;

	@Autowired
	DiffRepository diffs;

	@Autowired
	SlaRepository sla;

	@Autowired
	Clock clock;

	@Autowired
	dev.parity.core.connect.TargetDatabase target;

	@Autowired
	dev.parity.core.repository.CheckpointRepository checkpoints;

	MockMvc mvc;

	@BeforeEach
	void mvc() {
		mvc = MockMvcBuilders.standaloneSetup(controller).build();
	}

	@AfterAll
	static void stop() {
		webhook.close();
	}

	static RequestPostProcessor user(String name, String... roles) {
		return (request) -> {
			request.setUserPrincipal(() -> name);
			for (String role : roles) {
				request.addUserRole(role);
			}
			return request;
		};
	}

	@Test
	void theApiAdvancesRefusesAndTheKillSwitchFiresFromPushedSamples() throws Exception {
		// given: nothing measured yet; one small table pair for the checkpoint (source and target are one H2)
		target.dsl().execute("CREATE TABLE IF NOT EXISTS a (id INT PRIMARY KEY, v VARCHAR(10))");
		target.dsl().execute("MERGE INTO a KEY (id) VALUES (1, 'one'), (2, 'two'), (3, 'three')");
		mvc.perform(get("/api/cutover"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.phase").value("SHADOW"))
			.andExpect(jsonPath("$.targetShare").value(0.0))
			.andExpect(jsonPath("$.nextPhase").value("CANARY"))
			.andExpect(jsonPath("$.armed").value(false))
			.andExpect(jsonPath("$.triggers[0].signal").value("error-rate"))
			.andExpect(jsonPath("$.triggers[0].threshold").value("> 1.5000 %"))
			.andExpect(jsonPath("$.triggers[0].window").value("30s"));
		mvc.perform(post("/api/cutover/advance")).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.error").value("cannot advance from SHADOW to CANARY: advancing needs an OPERATOR, and anonymous is not one"));
		mvc.perform(post("/api/cutover/advance").with(user("olga", "OPERATOR")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error").value("cannot advance from SHADOW to CANARY: the exit criteria for CANARY are not met:"
					+ " record-count variance (every table) is no counts result for a, needs <= 0.0100 %;"
					+ " field match rate (every table) is no diff result for a, needs >= 99.9000 %"));

		// when: the criteria hold, an operator advances
		Instant start = clock.instant().minus(Duration.ofDays(40));
		long run = runs.startOrResume("countsJob", 1, "test", null, start);
		results.saveCounts(run, new CountResult("a", true, 10, 10, 0, 0, 0.0, 0.0001, null, null, Duration.ZERO), start);
		diffs.saveResult(run, new DiffStats("a", 10, 10, 0, 100, 0), 0.999, Duration.ZERO, start);
		mvc.perform(post("/api/cutover/advance").with(user("olga", "OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("SHADOW"))
			.andExpect(jsonPath("$.to").value("CANARY"))
			.andExpect(jsonPath("$.targetShare").value(0.1))
			.andExpect(jsonPath("$.by").value("console:olga"));
		mvc.perform(get("/api/cutover")).andExpect(jsonPath("$.phase").value("CANARY")).andExpect(jsonPath("$.armed").value(true));

		// then: samples pushed; below the window nothing happens, at 30 s above 1.5 % the switch fires
		Instant t = clock.instant().plusSeconds(1);
		mvc.perform(post("/api/metrics").with(user("monitoring", "OPERATOR")).contentType(MediaType.APPLICATION_JSON)
			.content("[{\"time\":\"%s\",\"signal\":\"error-rate\",\"value\":0.02},{\"time\":\"%s\",\"signal\":\"error-rate\",\"value\":0.02}]"
				.formatted(t, t.plusSeconds(20))))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.recorded").value(2))
			.andExpect(jsonPath("$.phase").value("CANARY"))
			.andExpect(jsonPath("$.incident").doesNotExist());
		mvc.perform(post("/api/metrics").with(user("monitoring", "OPERATOR")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"time\":\"%s\",\"signal\":\"error-rate\",\"value\":0.025}".formatted(t.plusSeconds(30))))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.phase").value("SHADOW"))
			.andExpect(jsonPath("$.incident.trigger").value("error-rate"))
			.andExpect(jsonPath("$.incident.phaseBefore").value("CANARY"));
		mvc.perform(get("/api/cutover")).andExpect(jsonPath("$.phase").value("SHADOW")).andExpect(jsonPath("$.targetShare").value(0.0));

		CutoverRepository.Incident incident = cutover.incidents(1).get(0);
		assertThat(incident.checkpointExecutionId()).as("the checkpoint launch: %s", incident.checkpointNote()).isNotNull();
		assertThat(incident.checkpointNote()).startsWith("checksumJob execution " + incident.checkpointExecutionId() + " launched");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !jobRepository.getJobExecution(incident.checkpointExecutionId()).isRunning());
		assertThat(jobRepository.getJobExecution(incident.checkpointExecutionId()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(jobRepository.getJobExecution(incident.checkpointExecutionId()).getJobInstance().getJobName())
			.isEqualTo("checksumJob");
		// the real checksum job wrote the checkpoint for later reconciliation
		assertThat(checkpoints.byJobExecutionId(incident.checkpointExecutionId())).isPresent();
		assertThat(webhook.requests()).hasSize(1);
		assertThat(webhook.requests().get(0).body()).contains("\"trigger\":\"error-rate\"", "\"value\":0.025",
				"\"executionId\":" + incident.checkpointExecutionId());

		// pushing more of the same changes nothing: once per incident
		mvc.perform(post("/api/metrics").with(user("monitoring", "OPERATOR")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"time\":\"%s\",\"signal\":\"error-rate\",\"value\":0.5}".formatted(t.plusSeconds(40))))
			.andExpect(jsonPath("$.incident").doesNotExist());
		assertThat(webhook.requests()).hasSize(1);
	}

	@Test
	void aBadSampleIsOneSentence() throws Exception {
		mvc.perform(post("/api/metrics").contentType(MediaType.APPLICATION_JSON)
			.content("[{\"time\":\"2026-11-23T10:00:00Z\",\"signal\":\"cpu\",\"value\":1}]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("body[0].signal: unknown signal 'cpu'; known: error-rate, transaction-failures, response-time"));
		mvc.perform(post("/api/metrics").contentType(MediaType.APPLICATION_JSON).content("{\"signal\":\"error-rate\",\"value\":\"high\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("body.value: expected a number"));
	}

}
