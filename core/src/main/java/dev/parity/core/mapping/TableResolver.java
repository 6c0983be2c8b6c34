package dev.parity.core.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Schema;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;

import dev.parity.core.canonical.JavaTimeTypes;
import dev.parity.core.config.Names;
import dev.parity.core.connect.Database;

/**
 * Finds a configured {@code [schema.]table} in a live database through jOOQ's {@link org.jooq.Meta},
 * so that queries use the engine's real spelling: an exact match wins, otherwise a unique
 * case-insensitive match ({@code customers} finds H2's {@code CUSTOMERS}); see {@link Names}.
 */
public final class TableResolver {

	private TableResolver() {
	}

	/** The table, or empty if it does not exist (or the name is ambiguous). */
	public static Optional<Table<?>> find(Database database, String qualifiedName) {
		Lookup lookup = lookup(database, qualifiedName);
		return pick(lookup.schemas(), lookup.schema(), Schema::getName)
			.flatMap((s) -> pick(s.getTables(), lookup.table(), Table::getName));
	}

	// The schemas a [schema.]table name may be in (matched ignoring case), and the two names.
	private record Lookup(List<Schema> schemas, String schema, String table) {
	}

	private static Lookup lookup(Database database, String qualifiedName) {
		DSLContext dsl = database.dsl();
		DSLContext metaDsl = database.dialect().metaDialect() == dsl.dialect() ? dsl
				: dsl.configuration().derive(database.dialect().metaDialect()).dsl();
		int dot = qualifiedName.lastIndexOf('.');
		String schemaName = dot < 0 ? dsl.fetchValue(DSL.select(DSL.currentSchema())) : qualifiedName.substring(0, dot);
		List<Schema> schemas = metaDsl.meta()
			.filterSchemas((s) -> schemaName != null && s.getName().equalsIgnoreCase(schemaName))
			.getSchemas();
		return new Lookup(schemas, schemaName, qualifiedName.substring(dot + 1));
	}

	/**
	 * The catalog's own description of the table's temporal columns — the standard (unquoted, so that each
	 * engine folds the names its own way) {@code information_schema.columns.data_type} and
	 * {@code datetime_precision} — where jOOQ's catalog read leaves the precision unset (it does on
	 * MariaDB: {@code DATETIME(0)} and {@code DATETIME(6)} would look alike, and {@code TIMESTAMP} and
	 * {@code DATETIME} both read as a plain timestamp). Empty when jOOQ's read says it all.
	 */
	public static java.util.Map<String, TemporalColumn> temporalColumns(Database database, Table<?> table) {
		java.util.Map<String, TemporalColumn> columns = new java.util.HashMap<>();
		boolean unknown = java.util.Arrays.stream(table.fields())
			.anyMatch((f) -> (f.getDataType().isTemporal()) && !f.getDataType().precisionDefined());
		if (!unknown || table.getSchema() == null) {
			return columns;
		}
		org.jooq.Table<?> catalog = DSL.table(DSL.unquotedName("information_schema", "columns"));
		Field<String> name = DSL.field(DSL.unquotedName("column_name"), String.class);
		Field<String> dataType = DSL.field(DSL.unquotedName("data_type"), String.class);
		Field<Integer> precision = DSL.field(DSL.unquotedName("datetime_precision"), Integer.class);
		Field<String> schema = DSL.field(DSL.unquotedName("table_schema"), String.class);
		Field<String> tableName = DSL.field(DSL.unquotedName("table_name"), String.class);
		database.dsl()
			.select(name, dataType, precision)
			.from(catalog)
			.where(schema.eq(table.getSchema().getName()).and(tableName.eq(table.getName())))
			.fetch()
			.forEach((r) -> columns.put(r.value1(),
					new TemporalColumn(r.value3(), database.dialect().instantAsLocal(r.value2()))));
		return columns;
	}

	/** A temporal column as the engine's own catalog describes it. */
	public record TemporalColumn(Integer precision, boolean instantAsLocal) {

	}

	/**
	 * {@code field} with the {@code java.time} type of {@link JavaTimeTypes} (and the precision of
	 * {@code columns} where the catalog left it unset); other fields unchanged.
	 */
	public static Field<?> javaTime(Field<?> field, java.util.Map<String, TemporalColumn> columns) {
		if (!field.getDataType().isTemporal()) {
			return field;
		}
		TemporalColumn column = columns.getOrDefault(field.getName(), new TemporalColumn(null, false));
		org.jooq.DataType<?> type = JavaTimeTypes.of(field.getDataType(), column.precision(), column.instantAsLocal());
		return type == field.getDataType() ? field : DSL.field(field.getQualifiedName(), type);
	}

	/**
	 * {@code field} with the precision of {@code columns} where the catalog left it unset, its type
	 * otherwise as the catalog reports it (schema snapshots compare these).
	 */
	public static Field<?> withPrecision(Field<?> field, java.util.Map<String, TemporalColumn> columns) {
		TemporalColumn column = columns.get(field.getName());
		if (column == null || column.precision() == null || !field.getDataType().isTemporal()
				|| field.getDataType().precisionDefined()) {
			return field;
		}
		return DSL.field(field.getQualifiedName(), field.getDataType().precision(column.precision()));
	}

	/** A column of {@code table} by configured name, matched as tables are. */
	public static Optional<Field<?>> column(Table<?> table, String name) {
		return pick(List.of(table.fields()), name, Field::getName);
	}

	/** The primary key's columns, or empty if the table has none. */
	public static List<Field<?>> primaryKey(Table<?> table) {
		UniqueKey<?> key = table.getPrimaryKey();
		return key == null ? List.of() : List.copyOf(key.getFields());
	}

	private static <T> Optional<T> pick(List<T> candidates, String name, java.util.function.Function<T, String> nameOf) {
		return Names.pick(candidates, name, nameOf);
	}

	/**
	 * The tables {@code qualifiedName} matches except for case when it is ambiguous (see {@link Names}),
	 * else empty.
	 */
	public static List<String> ambiguousTable(Database database, String qualifiedName) {
		Lookup lookup = lookup(database, qualifiedName);
		List<String> ambiguousSchemas = Names.ambiguous(lookup.schemas(), lookup.schema(), Schema::getName);
		if (!ambiguousSchemas.isEmpty()) {
			return ambiguousSchemas.stream().map((s) -> s + "." + lookup.table()).toList();
		}
		return pick(lookup.schemas(), lookup.schema(), Schema::getName)
			.map((s) -> Names.ambiguous(s.getTables(), lookup.table(), Table::getName))
			.orElse(List.of());
	}

	/** The columns {@code name} matches except for case when it is ambiguous, else empty. */
	public static List<String> ambiguousColumn(Table<?> table, String name) {
		return Names.ambiguous(List.of(table.fields()), name, Field::getName);
	}

}
