package dev.parity.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

import dev.parity.core.repository.SchemaRepository;
import dev.parity.core.schema.SchemaFinding;

/** The schema findings of a run and the paused table pairs. */
final class SchemaSummary {

	private SchemaSummary() {
	}

	/**
	 * Prints the run's schema findings (when there are any, or always when {@code always}) and the
	 * paused pairs; returns 1 when the run found a conflict, else 0.
	 */
	static int print(PrintWriter out, long runId, SchemaRepository schemas, boolean always) {
		List<SchemaFinding> findings = schemas.findings(runId);
		if (always || !findings.isEmpty()) {
			out.println("schema (run " + runId + ")");
			if (findings.isEmpty()) {
				out.println("no schema divergence");
			}
			else {
				TextTable table = new TextTable("table", "column", "severity", "change", "source", "target");
				findings.forEach((f) -> table.row(f.table(), f.column(), f.severity(), f.change(), f.source(), f.target()));
				table.print(out);
			}
		}
		Set<String> paused = schemas.paused();
		if (!paused.isEmpty()) {
			out.println("paused (skipped until reviewed and resumed): " + String.join(", ", paused)
					+ "   e.g. ./parity resume " + paused.iterator().next());
		}
		out.flush();
		return findings.stream().anyMatch((f) -> f.severity() == SchemaFinding.Severity.CONFLICT) ? ExitCodes.FOUND
				: ExitCodes.OK;
	}

}
