package dev.parity.core.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.parity.core.canonical.ColumnKind;
import dev.parity.core.config.Names;
import dev.parity.core.config.TableMapping;
import dev.parity.core.schema.SchemaFinding.Severity;

/**
 * Compares both live definitions of a table pair with its mapping, and with the previous run's
 * snapshot. At most one finding per column, the first that applies:
 * <ol>
 * <li>a configured column (mapped, ignored, compare options) missing in the target;</li>
 * <li>a key column missing, changed since the snapshot, or incompatible;</li>
 * <li>a compared column missing in the source;</li>
 * <li>an incompatible type: text vs number (families differ), a narrowing of length, integer width,
 * precision or scale, a timestamp losing fractional digits, floating point into an exact type;</li>
 * <li>nullability tightened: target {@code NOT NULL} while the source holds NULLs;</li>
 * <li>a source column that the mapping neither maps (same name or used in an expression) nor ignores
 * ({@code ignore-source});</li>
 * <li>a compatible change since the snapshot (a widening): a warning.</li>
 * </ol>
 * A change of the primary key's column set since the snapshot is a table-level conflict.
 */
public final class SchemaComparator {

	private SchemaComparator() {
	}

	/**
	 * @param previousSource the source definition at the previous check, or null on the first
	 * @param previousTarget the target definition at the previous check, or null on the first
	 * @param sourceHasNulls whether a source column holds NULLs (asked only when it matters)
	 */
	public static List<SchemaFinding> compare(TableMapping mapping, TableDefinition source, TableDefinition target,
			TableDefinition previousSource, TableDefinition previousTarget, Predicate<String> sourceHasNulls) {
		String table = mapping.name();
		Map<String, SchemaFinding> findings = new LinkedHashMap<>();
		List<SchemaFinding> tableFindings = new ArrayList<>();
		for (String configured : configuredColumns(mapping)) {
			if (target.column(configured).isEmpty()) {
				add(findings, new SchemaFinding(table, configured, Severity.CONFLICT,
						"configured column missing in the target", null, null));
			}
		}
		List<String> keys = mapping.key() != null ? mapping.key() : target.primaryKey();
		for (String key : keys) {
			Optional<ColumnDefinition> s = source.column(key);
			Optional<ColumnDefinition> t = target.column(key);
			if (s.isEmpty() || t.isEmpty()) {
				add(findings, conflict(table, key, "key column missing in the " + (s.isEmpty() ? "source" : "target"), s, t));
				continue;
			}
			Optional<ColumnDefinition> before = previousSource == null ? Optional.empty() : previousSource.column(key);
			Optional<ColumnDefinition> beforeTarget = previousTarget == null ? Optional.empty() : previousTarget.column(key);
			if (changed(before, s.get()) || changed(beforeTarget, t.get())) {
				add(findings, conflict(table, key, "key column changed: " + change(before, s.get(), beforeTarget, t.get()), s, t));
				continue;
			}
			String reason = incompatible(s.get(), t.get());
			if (reason != null) {
				add(findings, conflict(table, key, "key column " + reason, s, t));
			}
		}
		if (previousSource != null && !lower(previousSource.primaryKey()).equals(lower(source.primaryKey()))) {
			tableFindings.add(new SchemaFinding(table, null, Severity.CONFLICT, "source primary key changed from ("
					+ String.join(", ", previousSource.primaryKey()) + ") to (" + String.join(", ", source.primaryKey()) + ")",
					String.join(", ", source.primaryKey()), String.join(", ", target.primaryKey())));
		}
		List<String> targetNames = target.columns().stream().map(ColumnDefinition::name).toList();
		Set<String> ignored = resolved(mapping.ignore(), targetNames);
		Set<String> keySet = resolved(keys, targetNames);
		for (ColumnDefinition t : target.columns()) {
			if (ignored.contains(t.name()) || keySet.contains(t.name()) || expression(mapping, t.name(), targetNames) != null) {
				continue;
			}
			Optional<ColumnDefinition> s = source.column(t.name());
			if (s.isEmpty()) {
				add(findings, conflict(table, t.name(), "mapped column missing in the source", s, Optional.of(t)));
				continue;
			}
			String reason = incompatible(s.get(), t);
			if (reason != null) {
				add(findings, conflict(table, t.name(), reason, s, Optional.of(t)));
				continue;
			}
			if (!t.nullable() && s.get().nullable() && sourceHasNulls.test(s.get().name())) {
				add(findings, conflict(table, t.name(), "target is NOT NULL but the source holds NULLs", s, Optional.of(t)));
				continue;
			}
			Optional<ColumnDefinition> before = previousSource == null ? Optional.empty() : previousSource.column(t.name());
			Optional<ColumnDefinition> beforeTarget = previousTarget == null ? Optional.empty()
					: previousTarget.column(t.name());
			if (changed(before, s.get()) || changed(beforeTarget, t)) {
				add(findings, new SchemaFinding(table, t.name(), Severity.WARNING,
						"compatible change: " + change(before, s.get(), beforeTarget, t), s.get().describe(), t.describe()));
			}
		}
		Set<String> ignoredSource = resolved(mapping.ignoreSource(), source.columns().stream().map(ColumnDefinition::name).toList());
		for (ColumnDefinition s : source.columns()) {
			if (target.column(s.name()).isPresent() || ignoredSource.contains(s.name()) || usedInExpression(mapping, s.name())) {
				continue;
			}
			boolean isNew = previousSource != null && previousSource.column(s.name()).isEmpty();
			add(findings, conflict(table, s.name(), (isNew ? "new source column" : "source column")
					+ " neither mapped nor ignored (map it under columns or list it under ignore-source)", Optional.of(s),
					Optional.empty()));
		}
		List<SchemaFinding> all = new ArrayList<>(tableFindings);
		all.addAll(findings.values());
		return all;
	}

	/** Why {@code source} values may not fit {@code target}, or null when they do. */
	static String incompatible(ColumnDefinition source, ColumnDefinition target) {
		String sf = family(source.kind());
		String tf = family(target.kind());
		if (!sf.equals(tf)) {
			return "type changed: " + sf + " vs " + tf + " (" + source.type() + " vs " + target.type() + ")";
		}
		switch (sf) {
			case "text" -> {
				if (source.length() > 0 && target.length() > 0 && target.length() < source.length()) {
					return "length narrowed: target " + target.length() + " < source " + source.length();
				}
			}
			case "number" -> {
				return numeric(source, target);
			}
			case "temporal" -> {
				if (source.kind() != ColumnKind.DATE && target.kind() == ColumnKind.DATE) {
					return "timestamp losing precision: target is a date";
				}
				if (source.kind() != ColumnKind.DATE && target.precision() < source.precision()) {
					return "timestamp losing precision: target " + target.precision() + " < source " + source.precision()
							+ " fractional digits";
				}
			}
			default -> {
				return null;
			}
		}
		return null;
	}

	private static String numeric(ColumnDefinition source, ColumnDefinition target) {
		ColumnKind s = source.kind();
		ColumnKind t = target.kind();
		if (s == ColumnKind.FLOAT && t != ColumnKind.FLOAT) {
			return "floating point into an exact type (" + source.type() + " vs " + target.type() + ")";
		}
		if (s == ColumnKind.INTEGER && t == ColumnKind.INTEGER && target.precision() < source.precision()) {
			return "integer narrowed: " + target.type() + " < " + source.type();
		}
		if (s == ColumnKind.DECIMAL && t == ColumnKind.INTEGER && source.scale() > 0) {
			return "scale narrowed: target has no fraction, source scale " + source.scale();
		}
		if (s == ColumnKind.DECIMAL && t == ColumnKind.DECIMAL && target.precision() > 0
				&& (target.precision() - target.scale() < source.precision() - source.scale() || target.scale() < source.scale())) {
			return "precision or scale narrowed: target (" + target.precision() + "," + target.scale() + ") < source ("
					+ source.precision() + "," + source.scale() + ")";
		}
		if (s == ColumnKind.INTEGER && t == ColumnKind.DECIMAL && target.precision() > 0
				&& target.precision() - target.scale() < source.precision()) {
			return "precision narrowed: target (" + target.precision() + "," + target.scale() + ") cannot hold " + source.type();
		}
		return null;
	}

	private static String family(ColumnKind kind) {
		return switch (kind) {
			case BOOLEAN, INTEGER, DECIMAL, FLOAT -> "number";
			case STRING, CHAR, UUID, OTHER -> "text";
			case DATE, TIME, TIMESTAMP, TIMESTAMP_TZ -> "temporal";
			case BINARY -> "binary";
		};
	}

	private static boolean changed(Optional<ColumnDefinition> before, ColumnDefinition now) {
		return before.isPresent() && !sameDefinition(before.get(), now);
	}

	private static boolean sameDefinition(ColumnDefinition a, ColumnDefinition b) {
		return a.type().equals(b.type()) && a.length() == b.length() && a.precision() == b.precision()
				&& a.scale() == b.scale() && a.nullable() == b.nullable();
	}

	private static String change(Optional<ColumnDefinition> before, ColumnDefinition source,
			Optional<ColumnDefinition> beforeTarget, ColumnDefinition target) {
		List<String> parts = new ArrayList<>();
		if (changed(before, source)) {
			parts.add("source " + before.get().describe() + " -> " + source.describe());
		}
		if (changed(beforeTarget, target)) {
			parts.add("target " + beforeTarget.get().describe() + " -> " + target.describe());
		}
		return String.join("; ", parts);
	}

	private static SchemaFinding conflict(String table, String column, String change, Optional<ColumnDefinition> source,
			Optional<ColumnDefinition> target) {
		return new SchemaFinding(table, column, Severity.CONFLICT, change,
				source.map(ColumnDefinition::describe).orElse(null), target.map(ColumnDefinition::describe).orElse(null));
	}

	private static void add(Map<String, SchemaFinding> findings, SchemaFinding finding) {
		findings.putIfAbsent(finding.column(), finding);
	}

	// The columns among `all` that configured `names` name (exact match first, see Names).
	private static Set<String> resolved(List<String> names, List<String> all) {
		Set<String> resolved = new java.util.HashSet<>();
		names.forEach((n) -> Names.pick(all, n, java.util.function.Function.identity()).ifPresent(resolved::add));
		return resolved;
	}

	private static List<String> configuredColumns(TableMapping mapping) {
		List<String> names = new ArrayList<>(mapping.columns().keySet());
		names.addAll(mapping.ignore());
		names.addAll(mapping.compare().keySet());
		return names;
	}

	private static String expression(TableMapping mapping, String targetColumn, List<String> targetColumns) {
		return mapping.columns()
			.entrySet()
			.stream()
			.filter((e) -> Names.names(e.getKey(), targetColumn, targetColumns))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private static boolean usedInExpression(TableMapping mapping, String sourceColumn) {
		Pattern word = Pattern.compile("(?i)(?<![\\w$])" + Pattern.quote(sourceColumn) + "(?![\\w$])");
		return mapping.columns().values().stream().anyMatch((e) -> word.matcher(e).find());
	}

	private static Set<String> lower(List<String> names) {
		Set<String> lower = new java.util.LinkedHashSet<>();
		names.forEach((n) -> lower.add(n.toLowerCase(Locale.ROOT)));
		return lower;
	}

}
