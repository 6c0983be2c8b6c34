package dev.parity.core.mapping;

import java.util.List;

import org.jooq.Field;
import org.jooq.Table;

import dev.parity.core.config.TableMapping;

/**
 * A table pair of {@code parity.yml} resolved against both live schemas: real (case-correct) names,
 * the key, the optional lag column and the compared columns. Built by {@link MappingValidator}.
 *
 * @param mapping the configuration it was resolved from
 * @param source the source table (read only)
 * @param target the target table
 * @param sourceKey key columns on the source, in key order
 * @param targetKey the same key columns on the target
 * @param sourceUpdated the source's {@code updated-column}, or null
 * @param targetUpdated the target's {@code updated-column}, or null
 * @param columns compared non-key columns, in target column order
 * @param sourceZone the zone of the source's naive date-times where they meet instants (UTC by default)
 * @param targetZone the same for the target
 */
public record TablePair(TableMapping mapping, Table<?> source, Table<?> target, List<Field<?>> sourceKey,
		List<Field<?>> targetKey, Field<?> sourceUpdated, Field<?> targetUpdated, List<ColumnPair> columns,
		java.time.ZoneId sourceZone, java.time.ZoneId targetZone) {

	public String name() {
		return mapping.name();
	}

	public boolean lagAware() {
		return sourceUpdated != null && targetUpdated != null;
	}

}
