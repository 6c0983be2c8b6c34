package dev.parity.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.parity.app.ParityRuntime;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.repository.AuditLog;
import dev.parity.core.repository.SchemaRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./parity resume TABLE}: resumes a table paused by a schema conflict, after review (audited). */
@Command(name = "resume", mixinStandardHelpOptions = true,
		description = { "Resumes a table pair paused by a schema conflict, after the mapping was reviewed.",
				"Recorded in the audit log with who and when. If the conflict is still there, the next check",
				"pauses the table again; accept its SCHEMA_CONFLICT discrepancy to waive it for good." })
class ResumeCommand implements Callable<Integer> {

	@Mixin
	ConfigOption config;

	@Parameters(index = "0", paramLabel = "TABLE", description = "The paused table pair.")
	String table;

	@Mixin
	ByOption by;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		ParityConfig parity = config.load();
		if (parity.tables().stream().noneMatch((t) -> t.name().equals(table))) {
			throw new UserException("resume: no table pair named '" + table + "' in " + config.file);
		}
		String who = by.who();
		try (ConfigurableApplicationContext context = ParityRuntime.start(parity)) {
			Clock clock = context.getBean(Clock.class);
			Optional<String> reason = context.getBean(SchemaRepository.class).resume(table, who, clock.instant());
			if (reason.isEmpty()) {
				out.println(table + " is not paused; nothing to resume.");
				return ExitCodes.OK;
			}
			context.getBean(AuditLog.class)
				.record("cli:" + who, "RESUME", table, null, null, "resumed after review; was paused for: " + reason.get(),
						clock.instant());
			out.println("Resumed " + table + " (paused for: " + reason.get() + "), by " + who + ".");
			return ExitCodes.OK;
		}
	}

}
