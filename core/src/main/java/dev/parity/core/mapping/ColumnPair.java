package dev.parity.core.mapping;

import org.jooq.Field;

/**
 * One compared column: the target column and what the source holds for it.
 *
 * @param name the target column's name, as in discrepancies ({@code column})
 * @param source a source column, or a SQL expression over the source row evaluated by the source
 * @param target the target column
 * @param expression whether {@code source} is a configured expression rather than a column
 */
public record ColumnPair(String name, Field<?> source, Field<?> target, boolean expression) {

}
