package dev.parity.core.mapping;

import java.util.List;
import java.util.Map;

import org.jooq.Field;
import org.jooq.Table;

/**
 * A table as its {@link Catalog} read it: jOOQ's table (columns and types), its primary key's columns
 * in key order (empty without one), and the temporal columns whose type jOOQ left vague, as the engine's
 * own catalog describes them (by column name; empty where jOOQ knows them all).
 */
public record CatalogTable(Table<?> table, List<Field<?>> primaryKey, Map<String, TableResolver.TemporalColumn> temporal) {

	public String name() {
		return table.getName();
	}

}
