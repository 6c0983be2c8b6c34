package dev.parity.app.cli;

/** The exit codes of the command-line contract. */
final class ExitCodes {

	static final int OK = 0;

	/** Discrepancies found, some left open, or not ready. */
	static final int FOUND = 1;

	static final int ERROR = 2;

	private ExitCodes() {
	}

}
