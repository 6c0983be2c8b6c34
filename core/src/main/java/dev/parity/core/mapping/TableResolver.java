package dev.parity.core.mapping;

import java.util.List;
import java.util.Optional;

import org.jooq.Field;
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

	/**
	 * The table, or empty if it does not exist (or the name is ambiguous). Reads the table's whole schema:
	 * code that resolves more than one table shares a {@link Catalog} instead.
	 */
	public static Optional<Table<?>> find(Database database, String qualifiedName) {
		return new Catalog(database).find(qualifiedName).map(CatalogTable::table);
	}

	/**
	 * A temporal column as the engine's own catalog ({@code information_schema.columns}) describes it,
	 * where jOOQ's catalog read leaves it vague (MariaDB: no precision; {@code TIMESTAMP} and
	 * {@code DATETIME} alike).
	 *
	 * @param precision fractional-second digits, or null
	 * @param instantAsLocal whether it holds instants shown as wall-clock time (MariaDB {@code TIMESTAMP})
	 */
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

	/** The columns {@code name} matches except for case when it is ambiguous, else empty. */
	public static List<String> ambiguousColumn(Table<?> table, String name) {
		return Names.ambiguous(List.of(table.fields()), name, Field::getName);
	}

	/** The primary key's columns, or empty if the table has none. */
	public static List<Field<?>> primaryKey(Table<?> table) {
		UniqueKey<?> key = table.getPrimaryKey();
		return key == null ? List.of() : List.copyOf(key.getFields());
	}

	static <T> Optional<T> pick(List<T> candidates, String name, java.util.function.Function<T, String> nameOf) {
		return Names.pick(candidates, name, nameOf);
	}

}
