package dev.parity.core.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import dev.parity.core.config.ConfigProblem;
import dev.parity.core.config.TableMapping;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;

/**
 * Validation pass two: the configured table pairs against the live databases. Finds every problem in
 * one pass (a missing table or column, a key that is not unique in the source, a column expression
 * the source cannot evaluate, a target column with no source counterpart) and returns the resolved
 * {@link TablePair}s for the jobs.
 */
public final class MappingValidator {

	private final SourceDatabase source;

	private final Catalog sourceCatalog;

	private final Catalog targetCatalog;

	/** Resolves against catalogs of its own (each read once, on the first table that needs it). */
	public MappingValidator(SourceDatabase source, TargetDatabase target) {
		this(source, new Catalog(source), new Catalog(target));
	}

	/** Resolves against the run's shared catalogs. */
	public MappingValidator(SourceDatabase source, Catalog sourceCatalog, Catalog targetCatalog) {
		this.source = source;
		this.sourceCatalog = sourceCatalog;
		this.targetCatalog = targetCatalog;
	}

	/** Resolves the given pairs; {@code problems} receives one entry per problem found. */
	public List<TablePair> resolve(List<TableMapping> mappings, List<TableMapping> all, List<ConfigProblem> problems) {
		List<TablePair> pairs = new ArrayList<>();
		for (TableMapping mapping : mappings) {
			String path = "parity.tables[" + all.indexOf(mapping) + "]";
			int before = problems.size();
			TablePair pair = resolve(mapping, path, problems);
			if (pair != null && problems.size() == before) {
				pairs.add(pair);
			}
		}
		return pairs;
	}

	/**
	 * The part of validation pass two that still applies to pairs with a schema history, whose schema
	 * drift the run's schema step turns into a pause instead: what no schema change explains and the
	 * schema step does not catch — no key configured and no target primary key, a key that is not unique
	 * in the source, a column expression the {@link dev.parity.core.connect.SourceGuard} refuses. A table
	 * or column that is missing, or an expression the source cannot evaluate, is left to the schema step.
	 */
	public void checkKnown(List<TableMapping> mappings, List<TableMapping> all, List<ConfigProblem> problems) {
		for (TableMapping mapping : mappings) {
			String path = "parity.tables[" + all.indexOf(mapping) + "]";
			Optional<CatalogTable> sourceTable = sourceCatalog.find(mapping.source());
			Optional<CatalogTable> targetTable = targetCatalog.find(mapping.target());
			if (sourceTable.isEmpty() || targetTable.isEmpty()) {
				continue;
			}
			Table<?> src = sourceTable.get().table();
			List<String> keyNames = mapping.key();
			if (keyNames == null) {
				keyNames = targetTable.get().primaryKey().stream().map(Field::getName).toList();
				if (keyNames.isEmpty()) {
					problems.add(new ConfigProblem(path + ".key", 0, "is not set and target table "
							+ targetTable.get().name() + " has no primary key; list the key columns"));
				}
			}
			List<Field<?>> sourceKey = keyNames.stream().map((k) -> TableResolver.column(src, k)).flatMap(Optional::stream).toList();
			if (!sourceKey.isEmpty() && sourceKey.size() == keyNames.size()
					&& !isPrimaryKey(sourceTable.get().primaryKey(), sourceKey)) {
				checkUnique(src, sourceKey, path, problems);
			}
			for (Map.Entry<String, String> entry : mapping.columns().entrySet()) {
				try {
					source.dsl().select(DSL.field("(" + entry.getValue() + ")")).from(src).where(DSL.falseCondition()).fetch();
				}
				catch (dev.parity.core.connect.SourceWriteRejectedException ex) {
					problems.add(new ConfigProblem(path + ".columns." + entry.getKey(), 0,
							"the source cannot evaluate '" + entry.getValue() + "': " + firstLine(ex)));
				}
				catch (DataAccessException ex) {
					// Schema drift: the schema step records it as a conflict and pauses the pair.
				}
			}
		}
	}

	private TablePair resolve(TableMapping mapping, String path, List<ConfigProblem> problems) {
		Optional<CatalogTable> sourceTable = find(sourceCatalog, mapping.source(), path + ".source", "source", problems);
		Optional<CatalogTable> targetTable = find(targetCatalog, mapping.target(), path + ".target", "target", problems);
		if (sourceTable.isEmpty() || targetTable.isEmpty()) {
			return null;
		}
		Table<?> src = sourceTable.get().table();
		Table<?> tgt = targetTable.get().table();
		Map<String, TableResolver.TemporalColumn> sourceTemporal = sourceTable.get().temporal();
		Map<String, TableResolver.TemporalColumn> targetTemporal = targetTable.get().temporal();
		List<String> keyNames = mapping.key();
		if (keyNames == null) {
			keyNames = targetTable.get().primaryKey().stream().map(Field::getName).toList();
			if (keyNames.isEmpty()) {
				problems.add(new ConfigProblem(path + ".key", 0, "is not set and target table " + tgt.getName()
						+ " has no primary key; list the key columns"));
				return null;
			}
		}
		List<Field<?>> sourceKey = new ArrayList<>();
		List<Field<?>> targetKey = new ArrayList<>();
		for (int i = 0; i < keyNames.size(); i++) {
			String keyPath = path + ".key" + (mapping.key() == null ? "" : "[" + i + "]");
			column(src, keyNames.get(i), keyPath, "source", problems).ifPresent(sourceKey::add);
			column(tgt, keyNames.get(i), keyPath, "target", problems).ifPresent(targetKey::add);
		}
		Field<?> sourceUpdated = null;
		Field<?> targetUpdated = null;
		if (mapping.updatedColumn() != null) {
			sourceUpdated = column(src, mapping.updatedColumn(), path + ".updated-column", "source", problems).orElse(null);
			targetUpdated = column(tgt, mapping.updatedColumn(), path + ".updated-column", "target", problems).orElse(null);
		}
		Set<String> ignoredColumns = new java.util.HashSet<>();
		for (String ignored : mapping.ignore()) {
			column(tgt, ignored, path + ".ignore", "target", problems).ifPresent((c) -> ignoredColumns.add(c.getName()));
		}
		for (String compared : mapping.compare().keySet()) {
			column(tgt, compared, path + ".compare." + compared, "target", problems);
		}
		List<ColumnPair> columns = columns(mapping, path, src, tgt, targetKey, ignoredColumns, problems).stream()
			.map((c) -> new ColumnPair(c.name(), c.expression() ? c.source() : TableResolver.javaTime(c.source(), sourceTemporal),
					TableResolver.javaTime(c.target(), targetTemporal), c.expression()))
			.toList();
		if (sourceKey.size() == keyNames.size() && !isPrimaryKey(sourceTable.get().primaryKey(), sourceKey)) {
			// A primary key is unique by the engine's own constraint; anything else is checked (a scan).
			checkUnique(src, sourceKey, path, problems);
		}
		sourceKey.replaceAll((f) -> TableResolver.javaTime(f, sourceTemporal));
		targetKey.replaceAll((f) -> TableResolver.javaTime(f, targetTemporal));
		return new TablePair(mapping, src, tgt, sourceKey, targetKey,
				sourceUpdated == null ? null : TableResolver.javaTime(sourceUpdated, sourceTemporal),
				targetUpdated == null ? null : TableResolver.javaTime(targetUpdated, targetTemporal), columns,
				source.naiveZone(), targetCatalog.database().naiveZone());
	}

	private List<ColumnPair> columns(TableMapping mapping, String path, Table<?> src, Table<?> tgt,
			List<Field<?>> targetKey, Set<String> ignoredColumns, List<ConfigProblem> problems) {
		Map<String, String> expressions = new LinkedHashMap<>();
		for (Map.Entry<String, String> entry : mapping.columns().entrySet()) {
			String columnPath = path + ".columns." + entry.getKey();
			Optional<Field<?>> column = column(tgt, entry.getKey(), columnPath, "target", problems);
			column.ifPresent((c) -> expressions.put(c.getName(), entry.getValue()));
		}
		// by exact (resolved) name: an ignored ordertotal does not hide a quoted "OrderTotal"
		Set<String> skipped = new java.util.HashSet<>(ignoredColumns);
		targetKey.forEach((k) -> skipped.add(k.getName()));
		List<ColumnPair> columns = new ArrayList<>();
		for (Field<?> targetColumn : tgt.fields()) {
			String name = targetColumn.getName();
			if (skipped.contains(name)) {
				continue;
			}
			String expression = expressions.get(name);
			if (expression != null) {
				Field<Object> sourceExpression = DSL.field("(" + expression + ")");
				if (evaluable(src, sourceExpression, path + ".columns." + name, expression, problems)) {
					columns.add(new ColumnPair(name, sourceExpression, targetColumn, true));
				}
				continue;
			}
			Optional<Field<?>> sourceColumn = TableResolver.column(src, name);
			if (sourceColumn.isEmpty()) {
				problems.add(new ConfigProblem(path + ".columns", 0, "target column " + name
						+ " has no same-named column in source table " + src.getName()
						+ "; map it under columns or list it under ignore"));
				continue;
			}
			columns.add(new ColumnPair(name, sourceColumn.get(), targetColumn, false));
		}
		return columns;
	}

	private boolean evaluable(Table<?> src, Field<Object> expression, String path, String text,
			List<ConfigProblem> problems) {
		try {
			source.dsl().select(expression).from(src).where(DSL.falseCondition()).fetch();
			return true;
		}
		catch (DataAccessException | dev.parity.core.connect.SourceWriteRejectedException ex) {
			problems.add(new ConfigProblem(path, 0, "the source cannot evaluate '" + text + "': " + firstLine(ex)));
			return false;
		}
	}

	private static boolean isPrimaryKey(List<Field<?>> primaryKey, List<Field<?>> key) {
		Set<String> primary = primaryKey.stream()
			.map((f) -> f.getName().toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		Set<String> configured = key.stream().map((f) -> f.getName().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
		return !primary.isEmpty() && primary.equals(configured);
	}

	private void checkUnique(Table<?> src, List<Field<?>> key, String path, List<ConfigProblem> problems) {
		Record duplicate = source.dsl()
			.select(key)
			.from(src)
			.groupBy(key)
			.having(DSL.count().gt(1))
			.limit(1)
			.fetchOne();
		if (duplicate != null) {
			problems.add(new ConfigProblem(path + ".key", 0, "(" + key.stream().map(Field::getName)
				.collect(Collectors.joining(", ")) + ") is not unique in source table " + src.getName() + ": "
					+ duplicate.formatCSV(false).trim() + " occurs more than once"));
		}
	}

	private static Optional<CatalogTable> find(Catalog catalog, String name, String path, String side,
			List<ConfigProblem> problems) {
		Optional<CatalogTable> table = catalog.find(name);
		if (table.isEmpty()) {
			List<String> candidates = catalog.ambiguous(name);
			problems.add(new ConfigProblem(path, 0, candidates.isEmpty()
					? "table " + name + " does not exist in the " + side + " database"
					: "table " + name + " is ambiguous in the " + side + " database: it matches " + String.join(" and ", candidates)
							+ " except for case; write the name exactly as one of them"));
		}
		return table;
	}

	private static Optional<Field<?>> column(Table<?> table, String name, String path, String side,
			List<ConfigProblem> problems) {
		Optional<Field<?>> column = TableResolver.column(table, name);
		if (column.isEmpty()) {
			List<String> candidates = TableResolver.ambiguousColumn(table, name);
			problems.add(new ConfigProblem(path, 0, candidates.isEmpty()
					? "column " + name + " does not exist in " + side + " table " + table.getName()
					: "column " + name + " is ambiguous in " + side + " table " + table.getName() + ": it matches "
							+ String.join(" and ", candidates) + " except for case; write the name exactly as one of them"));
		}
		return column;
	}

	private static String firstLine(Exception ex) {
		String message = ex.getCause() != null && ex.getCause().getMessage() != null ? ex.getCause().getMessage()
				: String.valueOf(ex.getMessage());
		return message.lines().findFirst().orElse(message).trim();
	}

}
