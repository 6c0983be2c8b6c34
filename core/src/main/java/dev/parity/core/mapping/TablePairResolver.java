package dev.parity.core.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.parity.core.config.ConfigException;
import dev.parity.core.config.ConfigProblem;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.TableMapping;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;

/**
 * Resolves the table pairs a run selects (by {@code --table} name) against the live schemas; at every
 * job start, since schemas change during a parallel run.
 */
public class TablePairResolver {

	private final ParityConfig config;

	private final SourceDatabase source;

	private final TargetDatabase target;

	public TablePairResolver(ParityConfig config, SourceDatabase source, TargetDatabase target) {
		this.config = config;
		this.source = source;
		this.target = target;
	}

	/**
	 * @param names table pair names; empty selects all
	 * @throws ConfigException listing every problem (unknown names, missing tables or columns, ...)
	 */
	public List<TablePair> resolve(List<String> names) {
		List<ConfigProblem> problems = new ArrayList<>();
		for (String name : names) {
			if (config.tables().stream().noneMatch((t) -> t.name().equals(name))) {
				problems.add(new ConfigProblem("--table " + name, 0, "no table pair of that name in parity.yml (known: "
						+ config.tables().stream().map(TableMapping::name).collect(Collectors.joining(", ")) + ")"));
			}
		}
		List<TablePair> pairs = new MappingValidator(source, target).resolve(config.select(names), config.tables(),
				problems);
		if (!problems.isEmpty()) {
			throw new ConfigException(problems);
		}
		return pairs;
	}

}
