package dev.parity.app.cli;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.parity.app.ParityRuntime;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.readiness.Criterion;
import dev.parity.core.readiness.ExitCriteria;
import dev.parity.core.readiness.Readiness;
import dev.parity.schedules.ScheduleOverview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./parity status}: the exit criteria and cutover readiness, one line per criterion, then the
 * schedules with their next fire time.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = { "Exit criteria and cutover readiness from the stored results, one line per criterion:",
				"measured value, threshold, pass/fail, since when; then the schedules with their next fire time.",
				"Exit codes: 0 ready, 1 not ready, 2 error." })
class StatusCommand implements Callable<Integer> {

	@Mixin
	ConfigOption config;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		ParityConfig parity = config.load();
		try (ConfigurableApplicationContext context = ParityRuntime.start(parity)) {
			Readiness readiness = context.getBean(ExitCriteria.class).evaluate();
			TextTable table = new TextTable("criterion", "measured", "threshold", "verdict", "since");
			for (Criterion c : readiness.criteria()) {
				table.row(c.name(), c.measured(), c.threshold(), c.passed() ? "PASS" : "FAIL",
						c.since() == null ? "" : c.since().truncatedTo(ChronoUnit.SECONDS));
			}
			table.print(out);
			out.println("overall: " + readiness.verdict());
			out.println();
			ScheduleSection.print(context.getBean(ScheduleOverview.class), parity.timeZone(), out);
			out.flush();
			return readiness.ready() ? ExitCodes.OK : ExitCodes.FOUND;
		}
	}

}
