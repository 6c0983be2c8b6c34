package dev.parity.app.cli;

import java.io.PrintWriter;

/** The sentence and exit code of a command whose job arrives with a later issue. */
final class NotYetAvailable {

	private NotYetAvailable() {
	}

	static int report(PrintWriter err, String what, String issue) {
		err.println("error: " + what + " is not available in this version of Parity yet (planned in issue " + issue
				+ "); nothing was done.");
		return ExitCodes.ERROR;
	}

}
