package dev.parity.core.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jooq.Field;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;

import dev.parity.core.connect.Database;

/**
 * Finds a configured {@code [schema.]table} in a live database through jOOQ's {@link org.jooq.Meta},
 * so that queries use the engine's real spelling: an exact match wins, otherwise a unique
 * case-insensitive match ({@code customers} finds H2's {@code CUSTOMERS}).
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

	/** {@code field} with the precision of {@code precisions}, when the catalog left it unset. */
	public static Field<?> withPrecision(Field<?> field, java.util.Map<String, Integer> precisions) {
		Integer precision = precisions.get(field.getName());
		if (precision == null || !field.getDataType().isTemporal() || field.getDataType().precisionDefined()) {
			return field;
		}
		return DSL.field(field.getQualifiedName(), field.getDataType().precision(precision));
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

	static <T> Optional<T> pick(List<T> candidates, String name, java.util.function.Function<T, String> nameOf) {
		Optional<T> exact = candidates.stream().filter((c) -> nameOf.apply(c).equals(name)).findFirst();
		if (exact.isPresent()) {
			return exact;
		}
		List<T> folded = candidates.stream()
			.filter((c) -> nameOf.apply(c).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
			.toList();
		return folded.size() == 1 ? Optional.of(folded.get(0)) : Optional.empty();
	}

}
