package dev.parity.core.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.parity.core.config.ConfigException;
import dev.parity.core.config.ConfigProblem;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.TableMapping;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.repository.SchemaRepository;

/**
 * Resolves the table pairs a run selects (by {@code --table} name) against the live schemas; at every
 * job start, since schemas change during a parallel run (against the run's {@link Catalogs}, read once
 * and shared with the pre-run validation and the schema check). Pairs paused by a schema conflict are left
 * out (and logged) until an operator resumes them.
 */
public class TablePairResolver {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TablePairResolver.class);

	private final ParityConfig config;

	private final SourceDatabase source;

	private final Catalogs catalogs;

	private final SchemaRepository schemas;

	public TablePairResolver(ParityConfig config, SourceDatabase source, Catalogs catalogs, SchemaRepository schemas) {
		this.config = config;
		this.source = source;
		this.catalogs = catalogs;
		this.schemas = schemas;
	}

	/** The selected pairs that are paused by a schema conflict. */
	public List<String> paused(List<String> names) {
		java.util.Set<String> paused = schemas.paused();
		return config.select(names).stream().map(TableMapping::name).filter(paused::contains).toList();
	}

	/**
	 * Validation pass two before a run: the selected pairs that have never been checked must fit both
	 * schemas (a configuration mistake is reported at once, exit 2). Pairs with a schema history are
	 * left to the run's schema check, which pauses them on a conflict instead — except for what no schema
	 * change explains ({@link MappingValidator#checkKnown}). Paused pairs are skipped (the run skips them).
	 * @throws ConfigException listing every problem
	 */
	public void preflight(List<String> names) {
		List<ConfigProblem> problems = unknownNames(names);
		java.util.Set<String> paused = schemas.paused();
		java.util.Map<Boolean, List<TableMapping>> byHistory = config.select(names)
			.stream()
			.filter((t) -> !paused.contains(t.name()))
			.collect(Collectors.partitioningBy((t) -> schemas.hasHistory(t.name())));
		MappingValidator validator = new MappingValidator(source, catalogs.source(), catalogs.target());
		validator.resolve(byHistory.get(false), config.tables(), problems);
		// A pair checked before: its drift pauses it in the schema step, but a mistake no schema change
		// explains would only fail the run after it had started (and recorded a run and a snapshot).
		validator.checkKnown(byHistory.get(true), config.tables(), problems);
		if (!problems.isEmpty()) {
			throw new ConfigException(problems);
		}
	}

	/**
	 * @param names table pair names; empty selects all
	 * @throws ConfigException listing every problem (unknown names, missing tables or columns, ...)
	 */
	public List<TablePair> resolve(List<String> names) {
		List<ConfigProblem> problems = unknownNames(names);
		java.util.Set<String> paused = schemas.paused();
		List<TableMapping> active = config.select(names).stream().filter((t) -> !paused.contains(t.name())).toList();
		for (String name : paused(names)) {
			log.warn("{} is paused by a schema conflict and skipped; review the mapping, then ./parity resume {}", name,
					name);
		}
		List<TablePair> pairs = new MappingValidator(source, catalogs.source(), catalogs.target()).resolve(active, config.tables(), problems);
		if (!problems.isEmpty()) {
			throw new ConfigException(problems);
		}
		return pairs;
	}

	private List<ConfigProblem> unknownNames(List<String> names) {
		List<ConfigProblem> problems = new ArrayList<>();
		for (String name : names) {
			if (config.tables().stream().noneMatch((t) -> t.name().equals(name))) {
				problems.add(new ConfigProblem("--table " + name, 0, "no table pair of that name in parity.yml (known: "
						+ config.tables().stream().map(TableMapping::name).collect(Collectors.joining(", ")) + ")"));
			}
		}
		return problems;
	}

}
