package dev.parity.app.cli;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationContext;

import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;
import dev.parity.core.mapping.TablePairResolver;

/**
 * Validation pass two before a job: both databases answer (each unreachable one is its own line),
 * then the selected table pairs fit both live schemas (every problem at once). Pairs that have been
 * checked before are left to the job's schema check, which pauses them on a conflict.
 */
final class Preflight {

	private Preflight() {
	}

	static void resolve(ApplicationContext context, List<String> tables) {
		List<String> unreachable = new ArrayList<>();
		for (Class<?> side : List.of(SourceDatabase.class, TargetDatabase.class)) {
			try {
				context.getBean(side);
			}
			catch (RuntimeException ex) {
				unreachable.add(Errors.message(ex));
			}
		}
		if (!unreachable.isEmpty()) {
			throw new UserException(String.join(System.lineSeparator() + "error: ", unreachable));
		}
		context.getBean(TablePairResolver.class).preflight(tables);
	}

}
