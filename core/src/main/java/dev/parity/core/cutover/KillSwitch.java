package dev.parity.core.cutover;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parity.core.cutover.CheckpointLauncher.CheckpointLaunch;
import dev.parity.core.repository.AuditLog;
import dev.parity.core.repository.CutoverRepository;
import dev.parity.core.repository.CutoverRepository.Incident;
import dev.parity.core.repository.CutoverRepository.PhaseState;
import tools.jackson.databind.json.JsonMapper;

/**
 * Returns the traffic to the legacy system: in this order, (1) the phase becomes SHADOW and the
 * incident is recorded, in one transaction, only if the phase is still what was read (so a breach seen
 * by two nodes, or a rollback racing a trigger, pulls it once); (2) the audit log records the trigger
 * and its measured values; (3) a checksum checkpoint is launched, asynchronously; (4) the webhook is
 * posted. The router sees SHADOW as soon as (1) commits; the rest cannot undo it.
 */
public class KillSwitch {

	private static final Logger log = LoggerFactory.getLogger(KillSwitch.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CutoverRepository repository;

	private final CheckpointLauncher checkpoints;

	private final WebhookNotifier webhook;

	private final AuditLog audit;

	private final String migration;

	private final Clock clock;

	public KillSwitch(CutoverRepository repository, CheckpointLauncher checkpoints, WebhookNotifier webhook,
			AuditLog audit, String migration, Clock clock) {
		this.repository = repository;
		this.checkpoints = checkpoints;
		this.webhook = webhook;
		this.audit = audit;
		this.migration = migration;
		this.clock = clock;
	}

	/**
	 * Pulls the switch if the phase is still {@code state}.
	 * @param trigger the trigger's name ({@code error-rate}) or {@code manual}
	 * @param measured what was measured (serialised into the incident, the audit log and the webhook)
	 * @return the incident; empty when the phase had changed meanwhile (someone else pulled it)
	 */
	public Optional<Incident> pull(PhaseState state, String trigger, String actor, String detail,
			Map<String, Object> measured) {
		Instant now = clock.instant();
		String measuredJson = JSON.writeValueAsString(measured);
		Optional<Long> id = repository.rollBack(state.version(), state.phase(), now, actor, trigger, detail, measuredJson);
		if (id.isEmpty()) {
			return Optional.empty();
		}
		log.warn("KILL SWITCH ({}): {} -> SHADOW; {}", trigger, state.phase(), detail);
		audit.record(actor, trigger.equals("manual") ? "CUTOVER_ROLLBACK" : "CUTOVER_KILL_SWITCH", null, null, null,
				"incident " + id.get() + ": " + state.phase() + " -> SHADOW; " + detail + "; measured " + measuredJson, now);
		CheckpointLaunch checkpoint;
		try {
			checkpoint = checkpoints.launch("kill switch: " + trigger + " (incident " + id.get() + ")");
		}
		catch (RuntimeException ex) {
			checkpoint = new CheckpointLaunch(null, "checkpoint not taken: " + ex.getMessage());
		}
		repository.checkpointTaken(id.get(), checkpoint.executionId(), checkpoint.note());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("event", trigger.equals("manual") ? "rollback" : "kill-switch");
		body.put("migration", migration);
		body.put("incident", id.get());
		body.put("trigger", trigger);
		body.put("phaseBefore", state.phase().name());
		body.put("phase", Phase.SHADOW.name());
		body.put("targetShare", 0.0);
		body.put("firedAt", now.toString());
		body.put("actor", actor);
		body.put("detail", detail);
		body.put("measured", measured);
		body.put("checkpoint", checkpoint.taken() ? Map.of("executionId", checkpoint.executionId(), "note", checkpoint.note())
				: Map.of("note", checkpoint.note()));
		WebhookNotifier.Delivery delivery = webhook.post(body);
		repository.webhookSent(id.get(), delivery.outcome());
		return repository.incident(id.get());
	}

}
