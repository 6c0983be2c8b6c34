package dev.parity.app.cli;

import picocli.CommandLine.Option;

/** {@code --by NAME}: who does it, for the audit log; the OS user by default. */
class ByOption {

	@Option(names = "--by", paramLabel = "NAME", description = "Who does it, for the audit log (default: the OS user).")
	String by;

	/** The name given, or the OS user. */
	String who() {
		return who(by);
	}

	static String who(String by) {
		return by != null ? by : System.getProperty("user.name", "unknown");
	}

}
