package dev.parity.core.cutover;

import static dev.parity.core.cutover.CutoverFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.parity.core.config.CutoverSettings;
import dev.parity.core.config.CutoverTriggers;
import dev.parity.core.config.TriggerSettings;
import dev.parity.core.config.UserRole;
import dev.parity.core.config.WebhookSettings;
import dev.parity.core.repository.CutoverRepository.Incident;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Phases and the kill switch over an embedded control database, with a fake metrics source fed one
 * sample per poll and a real local HTTP server receiving the webhook.
 */
class CutoverServiceTests {

	static final Duration WINDOW = Duration.ofSeconds(60);

	LocalHttp webhook;

	CutoverFixture cutover;

	Actor operator = new Actor("cli", "olga", Set.of(UserRole.OPERATOR));

	Actor approver = new Actor("cli", "anna", Set.of(UserRole.OPERATOR, UserRole.APPROVER));

	@BeforeEach
	void start() throws Exception {
		webhook = new LocalHttp((r) -> new LocalHttp.Answer(200, ""));
		TriggerSettings oneMinute = new TriggerSettings(null, WINDOW);
		cutover = new CutoverFixture(new CutoverSettings(null, new CutoverTriggers(oneMinute, oneMinute, oneMinute), null,
				new WebhookSettings(webhook.url("/hooks/parity"), 2, Duration.ofSeconds(2), Duration.ofMillis(10)), null),
				List.of());
	}

	@AfterEach
	void stop() {
		cutover.close();
		webhook.close();
	}

	@Test
	void advancingWithoutTheCriteriaOfThePhaseIsRefusedWithTheReason() {
		assertThatThrownBy(() -> cutover.service.advance(operator)).isInstanceOf(CutoverRefusedException.class)
			.hasMessage("cannot advance from SHADOW to CANARY: the exit criteria for CANARY are not met:"
					+ " record-count variance (every table) is no counts result for a, needs <= 0.0100 %;"
					+ " field match rate (every table) is no diff result for a, needs >= 99.9000 %");
		assertThat(cutover.service.status().phase()).isEqualTo(Phase.SHADOW);
		assertThat(cutover.audit("CUTOVER_REFUSED")).singleElement().asString().startsWith("cli:olga | cannot advance");

		cutover.meetEveryCriterion();
		Actor viewer = new Actor("console", "vera", Set.of(UserRole.VIEWER));
		assertThatThrownBy(() -> cutover.service.advance(viewer)).isInstanceOf(CutoverForbiddenException.class)
			.hasMessage("cannot advance from SHADOW to CANARY: advancing needs an OPERATOR, and vera is not one");
		assertThat(cutover.service.advance(operator).to()).isEqualTo(Phase.CANARY);
		assertThat(cutover.service.status()).extracting(CutoverStatus::phase, CutoverStatus::targetShare, CutoverStatus::armed)
			.containsExactly(Phase.CANARY, 0.1, true);
		assertThat(cutover.service.advance(operator).to()).isEqualTo(Phase.HALF);
		assertThatThrownBy(() -> cutover.service.advance(operator)).isInstanceOf(CutoverForbiddenException.class)
			.hasMessage("cannot advance from HALF to FULL: FULL needs an APPROVER, and olga is not one"
					+ " (configure parity.users with the approver role and pass --by NAME)");
		assertThat(cutover.service.advance(approver).to()).isEqualTo(Phase.FULL);
		assertThat(cutover.service.status().targetShare()).isEqualTo(1.0);
		assertThat(cutover.audit("CUTOVER_ADVANCE")).containsExactly(
				"cli:olga | SHADOW -> CANARY (10 % of the traffic to the target); advanced by cli:olga; exit criteria met: count-variance, match-rate",
				"cli:olga | CANARY -> HALF (50 % of the traffic to the target); advanced by cli:olga; exit criteria met: critical-defects, count-variance, match-rate",
				"cli:anna | HALF -> FULL (100 % of the traffic to the target); advanced by cli:anna; exit criteria met: critical-defects, count-variance, match-rate, response-time");
	}

	// FULL needs every exit criterion whatever parity.yml says: here the SLA sample is too slow.
	@Test
	void fullNeedsEveryCriterion() {
		cutover.meetEveryCriterion();
		cutover.service.advance(operator);
		cutover.service.advance(operator);
		new dev.parity.core.repository.SlaRepository(cutover.dsl)
			.record(new dev.parity.core.repository.SlaRepository.Sample(T0.minusSeconds(60), 400, "test"));
		assertThatThrownBy(() -> cutover.service.advance(approver))
			.hasMessage("cannot advance from HALF to FULL: the exit criteria for FULL are not met:"
					+ " target response time at peak (p95) is 400 ms peak of 2 samples, needs <= 250 ms");
	}

	/**
	 * Each trigger, fed by a fake metrics source one sample every 10 s: a short spike and a value at the
	 * bar do not fire it; it fires at the poll that completes its 60 s window, not one earlier; the phase
	 * is SHADOW at once, the checkpoint launched once, the webhook called once with the trigger and its
	 * measured values, the audit log records them; later polls (still breaching) fire nothing more.
	 */
	@ParameterizedTest
	@CsvSource({ "error-rate, 0.015, 0.02", "transaction-failures, 0.005, 0.006", "response-time, 300, 301" })
	void eachTriggerFiresOnceExactlyWhenItsWindowIsCrossed(String key, double bar, double above) {
		Signal signal = Signal.parse(key).orElseThrow();
		cutover.meetEveryCriterion();
		cutover.service.advance(operator);
		Deque<Sample> feed = new ArrayDeque<>();
		CutoverMonitor monitor = new CutoverMonitor(cutover.service, () -> List.of(feed.poll()), Duration.ofSeconds(10));
		Instant start = T0.plusSeconds(10);
		double below = bar / 2;
		double[] spike = { below, above, above, bar, above, above, above };
		for (int i = 0; i < spike.length; i++) {
			feed.add(new Sample(signal, start.plusSeconds(10L * i), spike[i]));
			assertThat(monitor.tick()).as("poll %d of the spike", i).isEmpty();
		}
		// the breach starts at the sixth poll (start + 40 s): 60 s later is start + 100 s
		Instant breach = start.plusSeconds(40);
		for (int s = 70; s <= 90; s += 10) {
			feed.add(new Sample(signal, start.plusSeconds(s), above));
			assertThat(monitor.tick()).as("%d s after the breach started", s - 40).isEmpty();
		}
		assertThat(cutover.service.status().phase()).isEqualTo(Phase.CANARY);
		feed.add(new Sample(signal, breach.plus(WINDOW), above));
		Optional<Incident> fired = monitor.tick();

		assertThat(fired).as("fires when the window is crossed").isPresent();
		Incident incident = fired.get();
		assertThat(cutover.service.status()).extracting(CutoverStatus::phase, CutoverStatus::targetShare, CutoverStatus::armed)
			.containsExactly(Phase.SHADOW, 0.0, false);
		assertThat(incident.trigger()).isEqualTo(key);
		assertThat(incident.phaseBefore()).isEqualTo(Phase.CANARY);
		assertThat(incident.checkpointExecutionId()).isEqualTo(99L);
		assertThat(cutover.checkpoints).containsExactly("kill switch: " + key + " (incident " + incident.id() + ")");
		assertThat(incident.webhookStatus()).isEqualTo("delivered (HTTP 200) after 1 attempt");
		assertThat(webhook.requests()).singleElement().satisfies((r) -> {
			assertThat(r.method()).isEqualTo("POST");
			assertThat(r.uri()).isEqualTo("/hooks/parity");
			JsonNode body = JsonMapper.builder().build().readTree(r.body());
			assertThat(body.path("event").asString()).isEqualTo("kill-switch");
			assertThat(body.path("trigger").asString()).isEqualTo(key);
			assertThat(body.path("phaseBefore").asString()).isEqualTo("CANARY");
			assertThat(body.path("phase").asString()).isEqualTo("SHADOW");
			assertThat(body.path("measured").path("value").asDouble()).isEqualTo(above);
			assertThat(body.path("measured").path("breachStart").asString()).isEqualTo(breach.toString());
			assertThat(body.path("measured").path("samples")).hasSize(7);
			assertThat(body.path("checkpoint").path("executionId").asLong()).isEqualTo(99L);
		});
		assertThat(cutover.audit("CUTOVER_KILL_SWITCH")).singleElement().asString()
			.startsWith("kill-switch | incident " + incident.id() + ": CANARY -> SHADOW; " + key + " > ")
			.contains("\"value\":" + (above == Math.rint(above) ? String.valueOf(above) : String.valueOf(above)))
			.contains("\"breachStart\":\"" + breach + "\"");

		// once per incident: the breach goes on, nothing fires again
		for (int s = 110; s <= 200; s += 10) {
			feed.add(new Sample(signal, start.plusSeconds(s), above));
			assertThat(monitor.tick()).isEmpty();
		}
		assertThat(webhook.requests()).hasSize(1);
		assertThat(cutover.service.status().lastIncident().id()).isEqualTo(incident.id());
	}

	// Re-advancing is deliberate: samples from before it never count, the window starts afresh.
	@Test
	void afterReAdvancingOnlyNewSamplesCount() {
		cutover.meetEveryCriterion();
		cutover.service.advance(operator);
		for (int s = 0; s <= 60; s += 10) {
			cutover.service.record(List.of(new Sample(Signal.ERROR_RATE, T0.plusSeconds(s), 0.05)), "test");
		}
		assertThat(cutover.service.status().phase()).isEqualTo(Phase.SHADOW);
		cutover.clock.set(T0.plusSeconds(300));
		cutover.service.advance(operator);
		assertThat(cutover.service.record(List.of(new Sample(Signal.ERROR_RATE, T0.plusSeconds(310), 0.05)), "test")).isEmpty();
		assertThat(cutover.service.record(List.of(new Sample(Signal.ERROR_RATE, T0.plusSeconds(360), 0.05)), "test")).isEmpty();
		assertThat(cutover.service.record(List.of(new Sample(Signal.ERROR_RATE, T0.plusSeconds(370), 0.05)), "test"))
			.hasValueSatisfying((i) -> assertThat(i.detail()).contains("since 2026-11-24T12:05:10Z (1m)"));
		assertThat(webhook.requests()).hasSize(2);
	}

	@Test
	void aManualRollbackIsTheSameSwitchAndSHADOWCannotRollBack() {
		assertThatThrownBy(() -> cutover.service.rollback(operator, "test"))
			.hasMessage("cannot roll back from SHADOW: the target already serves no traffic");
		cutover.meetEveryCriterion();
		cutover.service.advance(operator);
		Incident incident = cutover.service.rollback(operator, "payments look wrong");
		assertThat(incident).extracting(Incident::trigger, Incident::actor, Incident::detail, Incident::checkpointExecutionId)
			.containsExactly("manual", "cli:olga", "manual rollback by cli:olga: payments look wrong", 99L);
		assertThat(cutover.service.status().phase()).isEqualTo(Phase.SHADOW);
		assertThat(cutover.audit("CUTOVER_ROLLBACK")).hasSize(1);
		assertThat(JsonMapper.builder().build().readTree(webhook.requests().get(0).body()).path("event").asString())
			.isEqualTo("rollback");
	}

	// Two nodes judging the same breach: the phase version lets only the first one pull the switch.
	@Test
	void aStaleStateCannotPullTheSwitchTwice() {
		cutover.meetEveryCriterion();
		cutover.service.advance(operator);
		var stale = cutover.repository.state();
		cutover.service.rollback(operator, "first");
		assertThat(cutover.repository.rollBack(stale.version(), stale.phase(), T0, "other node", "error-rate", "x", "{}"))
			.isEmpty();
		assertThat(cutover.repository.incidents(10)).hasSize(1);
	}

}
