package dev.parity.core.schema;

/**
 * One schema divergence of a table pair. A {@code CONFLICT} pauses the table; a {@code WARNING} (a
 * compatible change, such as a widening) is recorded only.
 *
 * @param column the target column (or the source column, for a new unmapped source column); null
 *     for a table-level finding
 * @param change what changed, as a sentence fragment ("length narrowed: target 50 < source 100")
 * @param source the source definition, or null
 * @param target the target definition, or null
 */
public record SchemaFinding(String table, String column, Severity severity, String change, String source,
		String target) {

	public enum Severity {

		CONFLICT, WARNING

	}

}
