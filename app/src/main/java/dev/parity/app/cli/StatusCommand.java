package dev.parity.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.parity.app.ParityRuntime;
import dev.parity.core.config.ParityConfig;
import dev.parity.schedules.ScheduleOverview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./parity status}: Exit criteria and cutover readiness, one line per criterion (exit 0 ready, 1
 * not ready). Today it shows the schedules with their next fire time (issue #8); the exit criteria
 * arrive with issue #9, until then it says so and exits 2.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = { "Exit criteria and cutover readiness, one line per criterion (exit 0 ready, 1 not ready).",
				"Shows the schedules with their next fire time; the exit criteria are not available yet (issue #9):",
				"exits 2 and changes nothing." })
class StatusCommand implements Callable<Integer> {

	@Mixin
	ConfigOption config;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		printSchedules(spec.commandLine().getOut());
		return NotYetAvailable.report(spec.commandLine().getErr(), "status", "#9");
	}

	// The schedules section (#8); kept apart from the exit criteria (#9).
	private void printSchedules(PrintWriter out) {
		if (!Files.exists(config.file)) {
			out.println("schedules: none (no configuration at " + config.file + ")");
			return;
		}
		ParityConfig parity = config.load();
		try (ConfigurableApplicationContext context = ParityRuntime.start(parity)) {
			ScheduleSection.print(context.getBean(ScheduleOverview.class), parity.timeZone(), out);
		}
	}

}
