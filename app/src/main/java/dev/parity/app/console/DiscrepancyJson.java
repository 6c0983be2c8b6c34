package dev.parity.app.console;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.parity.core.repository.Discrepancy;

/**
 * A discrepancy as the JSON contract of DESIGN.md §5 (plus {@code detail}), for the CLI's
 * {@code --format json} and the REST API alike: times in UTC, whole seconds.
 */
public final class DiscrepancyJson {

	private DiscrepancyJson() {
	}

	public static Map<String, Object> element(Discrepancy d) {
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("id", d.id());
		e.put("table", d.table());
		e.put("key", d.key());
		e.put("type", d.type().name());
		e.put("column", d.column());
		e.put("source", d.source());
		e.put("target", d.target());
		e.put("status", d.status().name());
		e.put("critical", d.critical());
		e.put("firstSeen", d.firstSeen().truncatedTo(ChronoUnit.SECONDS).toString());
		e.put("lastSeen", d.lastSeen().truncatedTo(ChronoUnit.SECONDS).toString());
		e.put("detail", d.detail());
		return e;
	}

}
