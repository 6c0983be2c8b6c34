package dev.parity.core.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.Field;
import org.jooq.Table;

import dev.parity.core.connect.Database;
import dev.parity.core.mapping.TableResolver;

/** A table as its database defines it: columns in order and the primary key. */
public record TableDefinition(String name, List<ColumnDefinition> columns, List<String> primaryKey) {

	/** Reads the live definition (temporal precision completed from {@code information_schema}). */
	public static TableDefinition read(Database database, Table<?> table) {
		try {
			Map<String, Integer> precisions = TableResolver.temporalPrecisions(database, table);
			List<ColumnDefinition> columns = java.util.Arrays.stream(table.fields())
				.map((f) -> ColumnDefinition.of(TableResolver.withPrecision(f, precisions)))
				.toList();
			return new TableDefinition(table.getName(), columns,
					TableResolver.primaryKey(table).stream().map(Field::getName).toList());
		}
		catch (RuntimeException ex) {
			throw database.named(ex);
		}
	}

	/** A column by name, case-insensitively. */
	public Optional<ColumnDefinition> column(String name) {
		return columns.stream().filter((c) -> c.name().equalsIgnoreCase(name)).findFirst();
	}

}
