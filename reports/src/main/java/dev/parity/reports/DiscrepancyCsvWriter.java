package dev.parity.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import dev.parity.core.repository.Discrepancy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Discrepancies as CSV for audit reviews: a header row, then one row per discrepancy, RFC 4180
 * quoting (CRLF line ends, quotes doubled). The key is its JSON text, as in the JSON output.
 */
public final class DiscrepancyCsvWriter {

	public static final List<String> HEADER = List.of("id", "table", "key", "type", "column", "source", "target",
			"status", "critical", "firstSeen", "lastSeen");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DiscrepancyCsvWriter() {
	}

	/** Writes the header and every discrepancy; {@code discrepancies} may be read lazily, page by page. */
	public static void write(Appendable out, Iterable<Discrepancy> discrepancies) {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();
		try (CSVPrinter printer = new CSVPrinter(out, format)) {
			for (Discrepancy d : discrepancies) {
				printer.printRecord(d.id(), d.table(), d.key() == null ? null : JSON.writeValueAsString(d.key()),
						d.type(), d.column(), d.source(), d.target(), d.status(), d.critical(),
						d.firstSeen().truncatedTo(ChronoUnit.SECONDS), d.lastSeen().truncatedTo(ChronoUnit.SECONDS));
			}
			printer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
