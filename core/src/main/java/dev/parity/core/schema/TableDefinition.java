package dev.parity.core.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.Field;
import org.jooq.Table;

import dev.parity.core.config.Names;
import dev.parity.core.connect.Database;
import dev.parity.core.mapping.TableResolver;

/** A table as its database defines it: columns in order and the primary key. */
public record TableDefinition(String name, List<ColumnDefinition> columns, List<String> primaryKey) {

	/** Reads the live definition (temporal precision completed from {@code information_schema}). */
	public static TableDefinition read(Database database, Table<?> table) {
		Map<String, TableResolver.TemporalColumn> precisions = TableResolver.temporalColumns(database, table);
		List<ColumnDefinition> columns = java.util.Arrays.stream(table.fields())
			.map((f) -> ColumnDefinition.of(TableResolver.withPrecision(f, precisions)))
			.toList();
		return new TableDefinition(table.getName(), columns,
				TableResolver.primaryKey(table).stream().map(Field::getName).toList());
	}

	/** A column by configured name: an exact match, else the only case-insensitive one ({@link Names}). */
	public Optional<ColumnDefinition> column(String name) {
		return Names.pick(columns, name, ColumnDefinition::name);
	}

}
