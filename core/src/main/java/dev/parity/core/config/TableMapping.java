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
 */
public record TableMapping(@Required String name, String source, String target, List<String> key,
		String updatedColumn, boolean critical, Map<String, String> columns, List<String> ignore,
		Map<String, dev.parity.core.canonical.CompareOptions> compare, List<String> ignoreSource) {

	/** A pair without compare options. */
	public TableMapping(String name, String source, String target, List<String> key, String updatedColumn,
			boolean critical, Map<String, String> columns, List<String> ignore) {
		this(name, source, target, key, updatedColumn, critical, columns, ignore, null, null);
	}

	/** A pair with compare options. */
	public TableMapping(String name, String source, String target, List<String> key, String updatedColumn,
			boolean critical, Map<String, String> columns, List<String> ignore,
			Map<String, dev.parity.core.canonical.CompareOptions> compare) {
		this(name, source, target, key, updatedColumn, critical, columns, ignore, compare, null);
	}

	public TableMapping {
		source = source == null ? name : source;
		target = target == null ? name : target;
		columns = columns == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
		ignore = ignore == null ? List.of() : List.copyOf(ignore);
		key = key == null ? null : List.copyOf(key);
		compare = compare == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(compare));
		ignoreSource = ignoreSource == null ? List.of() : List.copyOf(ignoreSource);
	}

	/** The compare options of target column {@code column} (case-insensitive), or the defaults. */
	public dev.parity.core.canonical.CompareOptions compareOptions(String column) {
		return compare.entrySet()
			.stream()
			.filter((e) -> e.getKey().equalsIgnoreCase(column))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(dev.parity.core.canonical.CompareOptions.DEFAULTS);
	}

}
