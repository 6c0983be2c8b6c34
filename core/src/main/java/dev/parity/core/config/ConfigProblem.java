package dev.parity.core.config;

/**
 * One thing wrong with the configuration, located by its config path.
 *
 * <p>Rendered as one line, e.g. {@code parity.tables[1].key (line 14): must not be empty}.
 *
 * @param path config path such as {@code parity.tables[1].key}
 * @param line 1-based line in {@code parity.yml}, or 0 when the problem has no line (live checks)
 * @param message what is wrong, as a sentence fragment without the path
 */
public record ConfigProblem(String path, int line, String message) {

	@Override
	public String toString() {
		return path + (line > 0 ? " (line " + line + ")" : "") + ": " + message;
	}

}
