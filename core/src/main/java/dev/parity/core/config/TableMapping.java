package dev.parity.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table pair from {@code parity.tables}.
 *
 * @param name the pair's name in reports and output
 * @param source {@code [schema.]table} in the source; defaults to {@code name}
 * @param target {@code [schema.]table} in the target; defaults to {@code name}
 * @param key key columns; {@code null} means the target's primary key (an empty list is an error)
 * @param updatedColumn optional column that enables the lag window for this table
 * @param critical whether its discrepancies are critical defects
 * @param columns target column to SQL expression over the source row; others map by same name
 * @param ignore target columns that are not compared
 * @param compare per target column compare options (trim, case, nfc, tolerance, digits)
 * @param ignoreSource source columns deliberately not migrated (not a schema conflict)
 * @param rules reconciliation rule per discrepancy type (e.g. {@code EXTRA_IN_TARGET: report-only});
 *     keys are normalised to the type's name; types not listed keep their default rule
 */
public record TableMapping(@Required String name, String source, String target, List<String> key,
		String updatedColumn, boolean critical, Map<String, String> columns, List<String> ignore,
		Map<String, dev.parity.core.canonical.CompareOptions> compare, List<String> ignoreSource,
		Map<String, ReconcileRule> rules) {

	/** A pair without compare options. */
	public TableMapping(String name, String source, String target, List<String> key, String updatedColumn,
			boolean critical, Map<String, String> columns, List<String> ignore) {
		this(name, source, target, key, updatedColumn, critical, columns, ignore, null, null, null);
	}

	/** A pair with compare options. */
	public TableMapping(String name, String source, String target, List<String> key, String updatedColumn,
			boolean critical, Map<String, String> columns, List<String> ignore,
			Map<String, dev.parity.core.canonical.CompareOptions> compare) {
		this(name, source, target, key, updatedColumn, critical, columns, ignore, compare, null, null);
	}

	/** A pair with compare options and source columns deliberately not migrated. */
	public TableMapping(String name, String source, String target, List<String> key, String updatedColumn,
			boolean critical, Map<String, String> columns, List<String> ignore,
			Map<String, dev.parity.core.canonical.CompareOptions> compare, List<String> ignoreSource) {
		this(name, source, target, key, updatedColumn, critical, columns, ignore, compare, ignoreSource, null);
	}

	public TableMapping {
		source = source == null ? name : source;
		target = target == null ? name : target;
		columns = columns == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
		ignore = ignore == null ? List.of() : List.copyOf(ignore);
		key = key == null ? null : List.copyOf(key);
		compare = compare == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(compare));
		ignoreSource = ignoreSource == null ? List.of() : List.copyOf(ignoreSource);
		Map<String, ReconcileRule> normalised = new LinkedHashMap<>();
		if (rules != null) {
			rules.forEach((type, rule) -> normalised.put(type.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'), rule));
		}
		rules = java.util.Collections.unmodifiableMap(normalised);
	}

	/**
	 * The compare options of target column {@code column} among the target's columns {@code all}: those
	 * of the {@code compare} entry that names it by {@link Names} (exact, else the only case-insensitive
	 * match), or the defaults.
	 */
	public dev.parity.core.canonical.CompareOptions compareOptions(String column, java.util.Collection<String> all) {
		return compare.entrySet()
			.stream()
			.filter((e) -> Names.names(e.getKey(), column, all))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(dev.parity.core.canonical.CompareOptions.DEFAULTS);
	}

}
