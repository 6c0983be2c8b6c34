package dev.parity.core.schema;

import java.util.List;
import java.util.Optional;

import org.jooq.Field;

import dev.parity.core.config.Names;
import dev.parity.core.mapping.CatalogTable;
import dev.parity.core.mapping.TableResolver;

/** A table as its database defines it: columns in order and the primary key. */
public record TableDefinition(String name, List<ColumnDefinition> columns, List<String> primaryKey) {

	/** The definition as the run's catalog read it (temporal precision completed from {@code information_schema}). */
	public static TableDefinition of(CatalogTable table) {
		List<ColumnDefinition> columns = java.util.Arrays.stream(table.table().fields())
			.map((f) -> ColumnDefinition.of(TableResolver.withPrecision(f, table.temporal())))
			.toList();
		return new TableDefinition(table.name(), columns, table.primaryKey().stream().map(Field::getName).toList());
	}

	/** A column by configured name: an exact match, else the only case-insensitive one ({@link Names}). */
	public Optional<ColumnDefinition> column(String name) {
		return Names.pick(columns, name, ColumnDefinition::name);
	}

}
