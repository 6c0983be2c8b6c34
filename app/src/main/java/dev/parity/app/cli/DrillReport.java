package dev.parity.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.parity.core.cutover.Drill;
import dev.parity.core.cutover.Trigger;
import dev.parity.core.cutover.TriggerEvaluator.Firing;

/** The text of {@code ./parity cutover drill}: every firing, then the first one, which pulls the switch. */
final class DrillReport {

	private DrillReport() {
	}

	static String render(Drill drill, String file, boolean noSla) {
		StringWriter text = new StringWriter();
		PrintWriter out = new PrintWriter(text);
		if (drill.samples().isEmpty()) {
			out.print("drill: " + file + " holds no samples; nothing would fire (nothing was changed)");
			out.flush();
			return text.toString();
		}
		out.println("drill: " + drill.samples().size() + " samples from " + file + ", " + drill.samples().get(0).at()
				+ " to " + drill.samples().get(drill.samples().size() - 1).at() + " (nothing was changed)");
		TextTable table = new TextTable("trigger", "fires when", "for", "would fire at", "measured");
		for (Trigger trigger : drill.triggers()) {
			if (drill.firingsOf(trigger).isEmpty()) {
				table.row(trigger.signal().key(), trigger.describe(), trigger.windowText(), "never",
						drill.max(trigger).isPresent() ? "max " + trigger.signal().format(drill.max(trigger).getAsDouble())
								: "no samples");
			}
			for (Firing firing : drill.firingsOf(trigger)) {
				table.row(trigger.signal().key(), trigger.describe(), trigger.windowText(), firing.at(),
						trigger.signal().format(firing.last()) + ", above since " + firing.breachStart());
			}
		}
		table.print(out);
		if (noSla) {
			out.println("response-time: not judged (no parity.sla.response-time)");
		}
		if (drill.firings().isEmpty()) {
			out.print("kill switch: would not fire");
		}
		else {
			Firing first = drill.firings().get(0);
			out.print("kill switch: would fire at " + first.at() + " on " + first.trigger().signal().key()
					+ " (phase -> SHADOW, checkpoint, webhook); later firings need a deliberate re-advance first");
		}
		out.flush();
		return text.toString();
	}

}
