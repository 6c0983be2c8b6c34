package dev.parity.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.parity.app.ParityRuntime;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.cutover.Actor;
import dev.parity.core.cutover.CutoverRefusedException;
import dev.parity.core.cutover.CutoverService;
import dev.parity.core.cutover.CutoverStatus;
import dev.parity.core.cutover.Drill;
import dev.parity.core.cutover.SampleFile;
import dev.parity.core.cutover.Trigger;
import dev.parity.core.repository.CutoverRepository.Incident;
import dev.parity.core.repository.CutoverRepository.PhaseChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./parity cutover status|advance|rollback|drill}: the traffic phase, moving it, the kill switch
 * by hand, and replaying recorded samples through the triggers.
 */
@Command(name = "cutover", mixinStandardHelpOptions = true,
		description = { "Traffic phase, kill switch, and drills on recorded samples.",
				"  cutover status [--format table|json]   the phase, its share, the triggers, the last incident",
				"  cutover advance [--by NAME]            one phase forward (OPERATOR; FULL needs an APPROVER)",
				"  cutover rollback [--by NAME] [--reason TEXT]   back to SHADOW at once (checkpoint, webhook)",
				"  cutover drill --samples FILE           when each trigger would fire; changes nothing",
				"Exit code: 0 done, 1 refused (the reason is printed), 2 error." })
class CutoverCommand implements Callable<Integer> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Mixin
	ConfigOption config;

	@Parameters(index = "0", paramLabel = "ACTION", description = "status, advance, rollback or drill")
	String action;

	@Option(names = "--by", paramLabel = "NAME",
			description = "Who acts (default: the OS user); must be one of parity.users when users are configured.")
	String by;

	@Option(names = "--reason", paramLabel = "TEXT", description = "Why (rollback; recorded in the incident).")
	String reason;

	@Option(names = "--samples", paramLabel = "FILE", description = "drill: the recorded samples (CSV or JSON).")
	Path samples;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "status: table or json.")
	String format;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		if (!List.of("status", "advance", "rollback", "drill").contains(action)) {
			throw new UserException("cutover: unknown action '" + action + "'; use status, advance, rollback or drill");
		}
		if (!format.equals("table") && !format.equals("json")) {
			throw new UserException("cutover status: --format must be table or json, not '" + format + "'");
		}
		ParityConfig parity = config.load();
		if (action.equals("drill")) {
			return drill(parity, out);
		}
		Actor actor = actor(parity);
		try (ConfigurableApplicationContext context = ParityRuntime.start(parity)) {
			CutoverService cutover = context.getBean(CutoverService.class);
			try {
				switch (action) {
					case "advance" -> {
						PhaseChange change = cutover.advance(actor);
						out.println("Advanced from " + change.from() + " to " + change.to() + ": " + percent(change.targetShare())
								+ " of the traffic goes to the target (by " + change.by() + ").");
					}
					case "rollback" -> {
						Incident incident = cutover.rollback(actor, reason);
						out.println("Rolled back from " + incident.phaseBefore() + " to SHADOW: no traffic goes to the target"
								+ " (incident " + incident.id() + ", by " + incident.actor() + ").");
						out.println("checkpoint: " + incident.checkpointNote());
						out.println("webhook: " + incident.webhookStatus());
					}
					default -> printStatus(cutover.status(), out);
				}
				return ExitCodes.OK;
			}
			catch (CutoverRefusedException ex) {
				spec.commandLine().getErr().println("refused: " + ex.getMessage());
				return ExitCodes.FOUND;
			}
		}
	}

	private Actor actor(ParityConfig parity) {
		String name = ByOption.who(by);
		try {
			return Actor.ofShell(parity, name);
		}
		catch (CutoverRefusedException ex) {
			throw new UserException("cutover " + action + ": " + ex.getMessage());
		}
	}

	private void printStatus(CutoverStatus status, PrintWriter out) {
		if (format.equals("json")) {
			out.println(JSON.writeValueAsString(status));
			return;
		}
		out.println("cutover: " + status.phase() + ", " + percent(status.targetShare()) + " of the traffic to the target"
				+ (status.since() == null ? " (never changed)" : " (since " + status.since() + ", by " + status.changedBy() + ")"));
		if (status.nextPhase() != null) {
			out.println("next: " + status.nextPhase() + " (./parity cutover advance"
					+ (status.nextPhase().needsApprover() ? "; needs every exit criterion and an APPROVER)" : ")"));
		}
		out.println("triggers (" + (status.armed() ? "armed" : "not armed in " + status.phase()) + ")");
		TextTable table = new TextTable("signal", "fires when", "for", "latest", "measured at");
		status.triggers()
			.forEach((t) -> table.row(t.signal(), t.threshold(), t.window(), t.latest() == null ? "-" : t.latest(),
					t.latestAt() == null ? "-" : t.latestAt()));
		table.print(out);
		Incident last = status.lastIncident();
		if (last != null) {
			out.println("last incident " + last.id() + " at " + last.firedAt() + ": " + last.trigger() + ", "
					+ last.phaseBefore() + " -> SHADOW; " + last.detail());
			out.println("  checkpoint: " + last.checkpointNote() + "; webhook: " + last.webhookStatus());
		}
	}

	// Reads the file and replays it; no Spring, no database: nothing can change.
	private int drill(ParityConfig parity, PrintWriter out) {
		if (samples == null) {
			throw new UserException("cutover drill: give the recorded samples with --samples FILE (CSV time,signal,value or JSON)");
		}
		List<dev.parity.core.cutover.Sample> series;
		try {
			series = SampleFile.read(samples);
		}
		catch (IllegalArgumentException ex) {
			throw new UserException("cutover drill: " + ex.getMessage());
		}
		Drill drill = Drill.of(Trigger.of(parity), series);
		out.println(DrillReport.render(drill, samples.toString(), parity.sla().responseTime() == null));
		return ExitCodes.OK;
	}

	static String percent(double share) {
		return java.math.BigDecimal.valueOf(share * 100).stripTrailingZeros().toPlainString() + " %";
	}


}
