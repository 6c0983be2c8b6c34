package dev.parity.app.cli;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.parity.app.ParityRuntime;
import dev.parity.app.console.DiscrepancyJson;
import dev.parity.core.repository.Discrepancy;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyStatus;
import dev.parity.reports.DiscrepancyCsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code ./parity discrepancies}: lists stored discrepancies as a table, JSON or CSV. */
@Command(name = "discrepancies", mixinStandardHelpOptions = true,
		description = "Lists discrepancies from the control database (JSON and CSV as in the contract).")
class DiscrepanciesCommand implements Callable<Integer> {

	enum Status {
		open, all
	}

	enum Format {
		table, json, csv
	}

	@Mixin
	ConfigOption config;

	@Option(names = "--status", defaultValue = "open", description = "open (default) or all.")
	Status status;

	@Option(names = "--format", defaultValue = "table", description = "table (default), json or csv.")
	Format format;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = ParityRuntime.start(config.load())) {
			List<Discrepancy> found = context.getBean(DiscrepancyRepository.class)
				.find(status == Status.open ? DiscrepancyStatus.OPEN : null);
			switch (format) {
				case json -> out.println(json(found));
				case csv -> DiscrepancyCsvWriter.write(out, found);
				case table -> table(out, found);
			}
			out.flush();
			return ExitCodes.OK;
		}
	}

	static String json(List<Discrepancy> discrepancies) {
		List<Map<String, Object>> elements = discrepancies.stream().map(DiscrepancyJson::element).toList();
		return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(elements);
	}

	private void table(PrintWriter out, List<Discrepancy> found) {
		if (found.isEmpty()) {
			out.println("no " + (status == Status.open ? "open " : "") + "discrepancies");
			return;
		}
		TextTable table = new TextTable("id", "table", "type", "key", "column", "source", "target", "status",
				"critical", "last seen");
		for (Discrepancy d : found) {
			table.row(d.id(), d.table(), d.type(), d.key() == null ? "" : d.key(), d.column(), d.source(), d.target(),
					d.status(), d.critical() ? "yes" : "", d.lastSeen().truncatedTo(ChronoUnit.SECONDS));
		}
		table.print(out);
		out.println(found.size() + " discrepanc" + (found.size() == 1 ? "y" : "ies"));
	}

}
