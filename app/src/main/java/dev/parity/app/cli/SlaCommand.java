package dev.parity.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.parity.app.ParityRuntime;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.ParityConfigLoader;
import dev.parity.core.repository.SlaRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./parity sla record P95 [--at TIME]} and {@code ./parity sla list}: the target's measured
 * response times, for the SLA exit criterion (an extension of the command contract).
 */
@Command(name = "sla", mixinStandardHelpOptions = true,
		description = { "Records or lists measured target response times (p95) for the SLA exit criterion.",
				"  sla record P95 [--at TIME]   e.g. sla record 180ms --at 2026-11-23T18:00:00Z",
				"  sla list                     the samples inside parity.sla.window" })
class SlaCommand implements Callable<Integer> {

	@Mixin
	ConfigOption config;

	@Parameters(index = "0", paramLabel = "ACTION", description = "record or list")
	String action;

	@Parameters(index = "1", arity = "0..1", paramLabel = "P95", description = "p95 response time: 180ms, 0.2s, or 180 (ms)")
	String p95;

	@Option(names = "--at", paramLabel = "TIME", description = "When it was measured (ISO-8601 instant; default: now).")
	String at;

	@Mixin
	ByOption by;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		if (!action.equals("record") && !action.equals("list")) {
			throw new UserException("sla: unknown action '" + action + "'; use record or list");
		}
		Duration measured = action.equals("record") ? parseP95() : null;
		Instant when = parseAt();
		ParityConfig parity = config.load();
		try (ConfigurableApplicationContext context = ParityRuntime.start(parity)) {
			SlaRepository sla = context.getBean(SlaRepository.class);
			Clock clock = context.getBean(Clock.class);
			if (measured != null) {
				Instant time = when != null ? when : clock.instant();
				sla.record(new SlaRepository.Sample(time, measured.toMillis(),
						"cli:" + by.who()));
				out.println("Recorded p95 " + measured.toMillis() + " ms at " + time.truncatedTo(ChronoUnit.SECONDS) + ".");
				return ExitCodes.OK;
			}
			TextTable table = new TextTable("measured at", "p95 ms", "recorded by");
			sla.since(clock.instant().minus(parity.sla().window()))
				.forEach((s) -> table.row(s.measuredAt().truncatedTo(ChronoUnit.SECONDS), s.p95Millis(), s.recordedBy()));
			if (table.isEmpty()) {
				out.println("no samples in the last " + parity.sla().window().toDays() + " days");
			}
			else {
				table.print(out);
			}
			return ExitCodes.OK;
		}
	}

	private Duration parseP95() {
		if (p95 == null) {
			throw new UserException("sla record: give the measured p95, e.g. ./parity sla record 180ms");
		}
		try {
			return p95.matches("\\d+") ? Duration.ofMillis(Long.parseLong(p95)) : p95.matches("\\d+(\\.\\d+)?s")
					? Duration.ofNanos((long) (Double.parseDouble(p95.substring(0, p95.length() - 1)) * 1e9))
					: ParityConfigLoader.duration(p95);
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw new UserException("sla record: '" + p95 + "' is not a duration such as 180ms, 0.2s or 180");
		}
	}

	private Instant parseAt() {
		try {
			return at == null ? null : Instant.parse(at);
		}
		catch (DateTimeParseException ex) {
			throw new UserException("sla: --at '" + at + "' is not an ISO-8601 instant such as 2026-11-23T18:00:00Z");
		}
	}

}
