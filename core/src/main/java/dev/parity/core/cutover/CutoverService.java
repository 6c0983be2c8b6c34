package dev.parity.core.cutover;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.parity.core.config.CutoverPhases;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.UserRole;
import dev.parity.core.cutover.TriggerEvaluator.Firing;
import dev.parity.core.readiness.Criterion;
import dev.parity.core.readiness.ExitCriteria;
import dev.parity.core.readiness.Readiness;
import dev.parity.core.repository.AuditLog;
import dev.parity.core.repository.CutoverRepository;
import dev.parity.core.repository.CutoverRepository.Incident;
import dev.parity.core.repository.CutoverRepository.PhaseChange;
import dev.parity.core.repository.CutoverRepository.PhaseState;

/**
 * The cutover's phases and its kill switch, for the CLI, the REST API and {@code serve}'s monitor.
 *
 * <ul>
 * <li>{@link #advance} moves one phase forward: it needs an OPERATOR and the exit criteria configured for
 * the phase it enters; FULL and DECOMMISSIONED need every exit criterion and an APPROVER too. A refusal
 * throws {@link CutoverRefusedException} naming the reason, and is audited like every change.</li>
 * <li>{@link #evaluate} judges the triggers over the samples recorded since the phase was entered
 * (so a breach before a deliberate re-advance never fires again) and pulls the {@link KillSwitch} for the
 * first one that fired. Only CANARY, HALF and FULL are armed: once the switch returned the phase to
 * SHADOW nothing fires until someone advances again — once per incident, never in a loop.</li>
 * <li>{@link #rollback} is the same switch pulled by hand.</li>
 * </ul>
 */
public class CutoverService {

	private final ParityConfig config;

	private final CutoverRepository repository;

	private final ExitCriteria criteria;

	private final KillSwitch killSwitch;

	private final AuditLog audit;

	private final Clock clock;

	public CutoverService(ParityConfig config, CutoverRepository repository, ExitCriteria criteria,
			KillSwitch killSwitch, AuditLog audit, Clock clock) {
		this.config = config;
		this.repository = repository;
		this.criteria = criteria;
		this.killSwitch = killSwitch;
		this.audit = audit;
		this.clock = clock;
	}

	public CutoverStatus status() {
		PhaseState state = repository.state();
		List<CutoverStatus.TriggerState> triggers = new ArrayList<>();
		for (Trigger trigger : Trigger.of(config)) {
			Optional<Sample> latest = repository.latest(trigger.signal());
			triggers.add(new CutoverStatus.TriggerState(trigger.signal().key(), trigger.describe(), trigger.windowText(),
					latest.map((s) -> trigger.signal().format(s.value())).orElse(null),
					latest.map((s) -> s.at().toString()).orElse(null)));
		}
		Incident last = repository.incidents(1).stream().findFirst().orElse(null);
		return new CutoverStatus(state.phase(), state.phase().share(config.cutover().phases()),
				state.changedAt() == null ? null : state.changedAt().toString(), state.changedBy(),
				state.phase().next().orElse(null), state.phase().armed(), triggers, last);
	}

	/**
	 * Advances one phase.
	 * @return the change made
	 * @throws CutoverRefusedException naming why not (role, exit criteria, last phase, a concurrent change)
	 */
	public PhaseChange advance(Actor actor) {
		PhaseState state = repository.state();
		Phase from = state.phase();
		Phase to = from.next()
			.orElseThrow(() -> refused(actor, "the cutover is already " + from + "; there is no phase after it"));
		String move = "cannot advance from " + from + " to " + to + ": ";
		if (!actor.has(UserRole.OPERATOR)) {
			throw forbidden(actor, move + "advancing needs an OPERATOR, and " + actor.name() + " is not one");
		}
		if (to.needsApprover() && !actor.has(UserRole.APPROVER)) {
			throw forbidden(actor, move + to + " needs an APPROVER, and " + actor.name() + " is not one"
					+ (config.users().isEmpty() ? " (configure parity.users with the approver role and pass --by NAME)" : ""));
		}
		List<String> required = to.needsApprover() ? CutoverPhases.ALL_CRITERIA
				: to.settings(config.cutover().phases()).requires().stream().map((k) -> k.toLowerCase(Locale.ROOT)).toList();
		List<String> failing = failing(required);
		if (!failing.isEmpty()) {
			throw refused(actor, move + "the exit criteria for " + to + " are not met: " + String.join("; ", failing));
		}
		Instant now = clock.instant();
		double share = to.share(config.cutover().phases());
		String reason = "advanced by " + actor.label() + "; exit criteria met: "
				+ (required.isEmpty() ? "none required" : String.join(", ", required));
		PhaseChange change = new PhaseChange(from, to, share, now, actor.label(), reason, null);
		if (!repository.changePhase(state.version(), change)) {
			throw refused(actor, move + "the phase was changed meanwhile by someone else; look again with status");
		}
		audit.record(actor.label(), "CUTOVER_ADVANCE", null, null, null,
				from + " -> " + to + " (" + percent(share) + " of the traffic to the target); " + reason, now);
		return change;
	}

	/**
	 * Returns the phase to SHADOW by hand: the kill switch with trigger {@code manual}.
	 * @throws CutoverRefusedException when the actor is no OPERATOR or the phase is SHADOW or DECOMMISSIONED
	 */
	public Incident rollback(Actor actor, String reason) {
		PhaseState state = repository.state();
		String move = "cannot roll back from " + state.phase() + ": ";
		if (!actor.has(UserRole.OPERATOR)) {
			throw forbidden(actor, move + "rolling back needs an OPERATOR, and " + actor.name() + " is not one");
		}
		if (state.phase() == Phase.SHADOW) {
			throw refused(actor, move + "the target already serves no traffic");
		}
		if (state.phase() == Phase.DECOMMISSIONED) {
			throw refused(actor, move + "the legacy system is decommissioned, there is nothing to return the traffic to");
		}
		String detail = "manual rollback by " + actor.label() + (reason == null || reason.isBlank() ? "" : ": " + reason);
		return killSwitch.pull(state, "manual", actor.label(), detail, Map.of())
			.orElseThrow(() -> refused(actor, move + "the phase was changed meanwhile by someone else; look again with status"));
	}

	/** Stores samples (pulled or pushed) and evaluates the triggers. */
	public Optional<Incident> record(List<Sample> samples, String recordedBy) {
		samples.forEach((s) -> repository.saveSample(s, recordedBy));
		return evaluate();
	}

	/**
	 * Judges the armed triggers now and pulls the kill switch for the earliest firing.
	 * @return the incident, when one fired now
	 */
	public synchronized Optional<Incident> evaluate() {
		PhaseState state = repository.state();
		if (!state.phase().armed()) {
			return Optional.empty();
		}
		Instant armedAt = state.changedAt();
		Optional<Firing> first = Trigger.of(config)
			.stream()
			.flatMap((t) -> TriggerEvaluator.replay(t, repository.breachSamples(t.signal(), t.threshold(), armedAt))
				.stream()
				.limit(1))
			.min(Comparator.comparing(Firing::at));
		if (first.isEmpty()) {
			return Optional.empty();
		}
		Firing firing = first.get();
		Trigger trigger = firing.trigger();
		String detail = trigger.signal().key() + " " + trigger.describe() + " for " + trigger.windowText() + ": "
				+ firing.measured();
		return killSwitch.pull(state, trigger.signal().key(), "kill-switch", detail, measured(firing));
	}

	private static Map<String, Object> measured(Firing firing) {
		Map<String, Object> measured = new LinkedHashMap<>();
		measured.put("signal", firing.trigger().signal().key());
		measured.put("threshold", firing.trigger().threshold());
		measured.put("window", firing.trigger().windowText());
		measured.put("value", firing.last());
		measured.put("breachStart", firing.breachStart().toString());
		measured.put("firedAt", firing.at().toString());
		measured.put("samples", firing.breach().stream()
			.map((s) -> Map.of("at", s.at().toString(), "value", s.value()))
			.toList());
		return measured;
	}

	private List<String> failing(List<String> required) {
		if (required.isEmpty()) {
			return List.of();
		}
		Readiness readiness = criteria.evaluate();
		List<String> failing = new ArrayList<>();
		for (int i = 0; i < readiness.criteria().size(); i++) {
			Criterion c = readiness.criteria().get(i);
			if (required.contains(CutoverPhases.ALL_CRITERIA.get(i)) && !c.passed()) {
				failing.add(c.name() + " is " + c.measured() + ", needs " + c.threshold());
			}
		}
		return failing;
	}

	private CutoverRefusedException refused(Actor actor, String reason) {
		audit.record(actor.label(), "CUTOVER_REFUSED", null, null, null, reason, clock.instant());
		return new CutoverRefusedException(reason);
	}

	private CutoverRefusedException forbidden(Actor actor, String reason) {
		audit.record(actor.label(), "CUTOVER_REFUSED", null, null, null, reason, clock.instant());
		return new CutoverForbiddenException(reason);
	}

	static String percent(double share) {
		return java.math.BigDecimal.valueOf(share * 100).stripTrailingZeros().toPlainString() + " %";
	}

}
