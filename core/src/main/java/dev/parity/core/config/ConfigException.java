package dev.parity.core.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every problem found in one validation pass; the CLI prints one line each and exits 2.
 */
public class ConfigException extends RuntimeException {

	private final List<ConfigProblem> problems;

	public ConfigException(List<ConfigProblem> problems) {
		super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining(System.lineSeparator())));
		this.problems = List.copyOf(problems);
	}

	public List<ConfigProblem> problems() {
		return problems;
	}

}
