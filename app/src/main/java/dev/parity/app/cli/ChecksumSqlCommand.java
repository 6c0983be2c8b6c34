package dev.parity.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.jooq.impl.DSL;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parity.app.ParityRuntime;
import dev.parity.core.compare.ChecksumPlan;
import dev.parity.core.compare.Checksummer;
import dev.parity.core.compare.ComparePlan;
import dev.parity.core.connect.Database;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;
import dev.parity.core.mapping.TablePair;
import dev.parity.core.mapping.TablePairResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A hidden command for the checksum benchmark's floor: prints, for one table pair, the single
 * full-table aggregate ({@code count(*)} and the sum of row hashes) that each database would run, with
 * exactly the canonical SQL of {@code checksumJob}; two lines, {@code source: SQL} and {@code target: SQL}.
 */
@Command(name = "checksum-sql", hidden = true, description = "Prints each side's full-table checksum SQL of a table pair.")
class ChecksumSqlCommand implements Callable<Integer> {

	@Mixin
	ConfigOption config;

	@Option(names = "--table", paramLabel = "T", required = true, description = "The table pair.")
	String table;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = ParityRuntime.start(config.load())) {
			List<TablePair> pairs = context.getBean(TablePairResolver.class).resolve(List.of(table));
			if (pairs.isEmpty()) {
				throw new UserException("checksum-sql: no table pair named '" + table + "'");
			}
			SourceDatabase source = context.getBean(SourceDatabase.class);
			TargetDatabase target = context.getBean(TargetDatabase.class);
			ChecksumPlan plan = ChecksumPlan.of(ComparePlan.of(pairs.get(0)), source.dialect(), target.dialect());
			if (!plan.sql()) {
				throw new UserException("checksum-sql: table " + table + " has no SQL checksum: " + plan.fallback());
			}
			Checksummer checksummer = new Checksummer(plan, source, target, Runnable::run, 1);
			out.println("source: " + sql(source, checksummer, plan, true));
			out.println("target: " + sql(target, checksummer, plan, false));
			return ExitCodes.OK;
		}
	}

	private static String sql(Database database, Checksummer checksummer, ChecksumPlan plan, boolean fromSource) {
		return database.dsl()
			.renderInlined(database.dsl()
				.select(DSL.count(), DSL.sum(checksummer.rowHash(database.dialect(), fromSource)))
				.from(fromSource ? plan.compare().pair().source() : plan.compare().pair().target()));
	}

}
