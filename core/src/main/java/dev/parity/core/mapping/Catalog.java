package dev.parity.core.mapping;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Schema;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import dev.parity.core.connect.Database;

/**
 * One database's catalog as a run sees it, read once per schema and shared by everything that resolves
 * a table in the run (the pre-run validation, {@code schemaStep}, each job's table pairs). Reading a
 * schema costs a fixed number of catalog queries whatever the number of tables: jOOQ's
 * {@link org.jooq.Meta} for its tables and columns, one standard {@code information_schema} query for
 * every table's primary key, and — only where jOOQ leaves a temporal precision unset (MariaDB) — one
 * for the columns' fractional-second precision. Looking a table up is then a map lookup; before, each
 * lookup read the whole schema again (500 tables: tens of milliseconds per table and step).
 * <p>
 * Names resolve as {@link TableResolver#find} resolves them: an exact match wins, otherwise a unique
 * case-insensitive match. A catalog is a snapshot: a run that must see a schema change made after
 * it started uses a new one ({@link Catalogs#forget()} after each job). Thread-safe.
 */
public final class Catalog {

	private final Database database;

	private final Map<String, SchemaTables> schemas = new HashMap<>();

	private final AtomicInteger reads = new AtomicInteger();

	private String currentSchema;

	public Catalog(Database database) {
		this.database = database;
	}

	public Database database() {
		return database;
	}

	/** The table named {@code [schema.]table}, or empty if it does not exist (or the name is ambiguous). */
	public synchronized Optional<CatalogTable> find(String qualifiedName) {
		int dot = qualifiedName.lastIndexOf('.');
		String schemaName = dot < 0 ? currentSchema() : qualifiedName.substring(0, dot);
		if (schemaName == null) {
			return Optional.empty();
		}
		return schemas.computeIfAbsent(schemaName, this::read)
			.find(qualifiedName.substring(dot + 1));
	}

	/**
	 * The tables {@code [schema.]table} matches except for case when it names none exactly and several
	 * that way (a configuration error naming them), else empty.
	 */
	public synchronized List<String> ambiguous(String qualifiedName) {
		int dot = qualifiedName.lastIndexOf('.');
		String schemaName = dot < 0 ? currentSchema() : qualifiedName.substring(0, dot);
		if (schemaName == null) {
			return List.of();
		}
		return schemas.computeIfAbsent(schemaName, this::read).ambiguous(qualifiedName.substring(dot + 1));
	}

	/** How many schemas this catalog has read from its database (each read is a fixed number of queries). */
	public int reads() {
		return reads.get();
	}

	private String currentSchema() {
		if (currentSchema == null) {
			currentSchema = database.dsl().fetchValue(DSL.select(DSL.currentSchema()));
		}
		return currentSchema;
	}

	private SchemaTables read(String schemaName) {
		reads.incrementAndGet();
		DSLContext dsl = database.dsl();
		DSLContext metaDsl = database.dialect().metaDialect() == dsl.dialect() ? dsl
				: dsl.configuration().derive(database.dialect().metaDialect()).dsl();
		List<Schema> found = metaDsl.meta()
			.filterSchemas((s) -> s.getName().equalsIgnoreCase(schemaName))
			.getSchemas();
		Optional<Schema> schema = TableResolver.pick(found, schemaName, Schema::getName);
		if (schema.isEmpty()) {
			return new SchemaTables(Map.of());
		}
		List<Table<?>> tables = List.copyOf(schema.get().getTables());
		Map<String, List<String>> primaryKeys = primaryKeys(schema.get().getName());
		Map<String, Map<String, TableResolver.TemporalColumn>> temporal = needsPrecisions(tables)
				? temporalColumns(schema.get().getName()) : Map.of();
		Map<String, CatalogTable> byName = new LinkedHashMap<>();
		for (Table<?> table : tables) {
			List<Field<?>> key = primaryKeys == null ? TableResolver.primaryKey(table)
					: primaryKeys.getOrDefault(table.getName(), List.of())
						.stream()
						.<Field<?>>map((column) -> table.field(column))
						.toList();
			byName.put(table.getName(), new CatalogTable(table, List.copyOf(key),
					Map.copyOf(temporal.getOrDefault(table.getName(), Map.of()))));
		}
		return new SchemaTables(byName);
	}

	/**
	 * Every table's primary key columns in key order, from the standard {@code information_schema}
	 * (unquoted, so that each engine folds the names its own way); null when the engine cannot answer,
	 * and each table then asks jOOQ for its own.
	 */
	private Map<String, List<String>> primaryKeys(String schema) {
		Table<?> constraints = DSL.table(DSL.unquotedName("information_schema", "table_constraints")).as("tc");
		Table<?> usage = DSL.table(DSL.unquotedName("information_schema", "key_column_usage")).as("kcu");
		Field<String> table = DSL.field(DSL.unquotedName("kcu", "table_name"), String.class);
		Field<String> column = DSL.field(DSL.unquotedName("kcu", "column_name"), String.class);
		Field<Integer> position = DSL.field(DSL.unquotedName("kcu", "ordinal_position"), Integer.class);
		try {
			Map<String, List<String>> keys = new HashMap<>();
			for (Record3<String, String, Integer> r : database.dsl()
				.select(table, column, position)
				.from(constraints)
				.join(usage)
				.on(DSL.field(DSL.unquotedName("tc", "constraint_schema"))
					.eq(DSL.field(DSL.unquotedName("kcu", "constraint_schema")))
					.and(DSL.field(DSL.unquotedName("tc", "constraint_name"))
						.eq(DSL.field(DSL.unquotedName("kcu", "constraint_name"))))
					.and(DSL.field(DSL.unquotedName("tc", "table_name")).eq(table)))
				.where(DSL.field(DSL.unquotedName("tc", "constraint_type")).eq(DSL.inline("PRIMARY KEY")))
				.and(DSL.field(DSL.unquotedName("tc", "table_schema"), String.class).eq(schema))
				.orderBy(table, position)
				.fetch()) {
				keys.computeIfAbsent(r.value1(), (k) -> new java.util.ArrayList<>()).add(r.value2());
			}
			return keys;
		}
		catch (DataAccessException ex) {
			return null;
		}
	}

	private static boolean needsPrecisions(List<Table<?>> tables) {
		return tables.stream()
			.flatMap((t) -> Arrays.stream(t.fields()))
			.anyMatch((f) -> f.getDataType().isTemporal() && !f.getDataType().precisionDefined());
	}

	/**
	 * Every temporal column of the schema as the standard {@code information_schema.columns} describes it
	 * ({@code data_type}, {@code datetime_precision}), where jOOQ's catalog read leaves it vague (it does on
	 * MariaDB: {@code DATETIME(0)} and {@code DATETIME(6)} would look alike, and {@code TIMESTAMP} — an
	 * instant — like {@code DATETIME}).
	 */
	private Map<String, Map<String, TableResolver.TemporalColumn>> temporalColumns(String schema) {
		Table<?> columns = DSL.table(DSL.unquotedName("information_schema", "columns"));
		Field<String> table = DSL.field(DSL.unquotedName("table_name"), String.class);
		Field<String> name = DSL.field(DSL.unquotedName("column_name"), String.class);
		Field<String> dataType = DSL.field(DSL.unquotedName("data_type"), String.class);
		Field<Integer> precision = DSL.field(DSL.unquotedName("datetime_precision"), Integer.class);
		Map<String, Map<String, TableResolver.TemporalColumn>> temporal = new HashMap<>();
		database.dsl()
			.select(table, name, dataType, precision)
			.from(columns)
			.where(DSL.field(DSL.unquotedName("table_schema"), String.class).eq(schema))
			.and(precision.isNotNull())
			.fetch()
			.forEach((r) -> temporal.computeIfAbsent(r.value1(), (k) -> new HashMap<>())
				.put(r.value2(), new TableResolver.TemporalColumn(r.value4(), database.dialect().instantAsLocal(r.value3()))));
		return temporal;
	}

	private record SchemaTables(Map<String, CatalogTable> byName) {

		Optional<CatalogTable> find(String name) {
			CatalogTable exact = byName.get(name);
			return exact != null ? Optional.of(exact)
					: dev.parity.core.config.Names.pick(byName.values(), name, CatalogTable::name);
		}

		List<String> ambiguous(String name) {
			return dev.parity.core.config.Names.ambiguous(byName.values(), name, CatalogTable::name);
		}

	}

}
