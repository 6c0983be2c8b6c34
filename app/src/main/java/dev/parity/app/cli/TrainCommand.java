package dev.parity.app.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.parity.app.ParityRuntime;
import dev.parity.core.config.ConnectionSettings;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.TableMapping;
import picocli.CommandLine.Command;

/**
 * A hidden command that {@code ./parity} runs once after each build to record a class-data-sharing
 * archive: it starts the application context (on an in-memory control database; source and target are
 * never opened) and stops, so the archive holds the classes every command needs.
 */
@Command(name = "cds-training", hidden = true, description = "Starts and stops the application (for ./parity's CDS archive).")
class TrainCommand implements Callable<Integer> {

	@Override
	public Integer call() {
		ConnectionSettings unused = new ConnectionSettings("jdbc:h2:mem:cds-training", "sa", "", 1);
		ParityConfig config = new ParityConfig("cds training", unused, unused,
				new ConnectionSettings("jdbc:h2:mem:cds-training-control;DB_CLOSE_DELAY=-1", "sa", "", 4), null,
				List.of(new TableMapping("t", "t", "t", null, null, false, null, null)), null);
		try (ConfigurableApplicationContext context = ParityRuntime.start(config)) {
			return ExitCodes.OK;
		}
	}

}
