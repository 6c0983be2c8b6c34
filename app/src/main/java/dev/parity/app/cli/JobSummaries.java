package dev.parity.app.cli;

import java.io.PrintWriter;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ApplicationContext;

import dev.parity.app.JobRunner;
import dev.parity.core.repository.CheckResultRepository;
import dev.parity.core.repository.DiffRepository;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.SchemaRepository;
import dev.parity.core.run.ParityJobParameters;

/** Runs a validation job and prints its summary; each returns 0 clean or 1 discrepancies found. */
final class JobSummaries {

	private JobSummaries() {
	}

	static int schema(ApplicationContext context, PrintWriter out, List<String> tables, String trigger) throws Exception {
		long runId = run(context, "schemaJob", tables, trigger);
		return SchemaSummary.print(out, runId, context.getBean(SchemaRepository.class), true);
	}

	static int counts(ApplicationContext context, PrintWriter out, List<String> tables, String trigger) throws Exception {
		long runId = run(context, "countsJob", tables, trigger);
		int schema = SchemaSummary.print(out, runId, context.getBean(SchemaRepository.class), false);
		return Math.max(schema, CountsSummary.print(out, runId, context.getBean(CheckResultRepository.class),
				context.getBean(DiscrepancyRepository.class)));
	}

	static int diff(ApplicationContext context, PrintWriter out, List<String> tables, String trigger) throws Exception {
		long runId = run(context, "diffJob", tables, trigger);
		int schema = SchemaSummary.print(out, runId, context.getBean(SchemaRepository.class), false);
		return Math.max(schema, DiffSummary.print(out, runId, context.getBean(DiffRepository.class),
				context.getBean(DiscrepancyRepository.class)));
	}

	static int checksum(ApplicationContext context, PrintWriter out, List<String> tables, String trigger) throws Exception {
		long runId = run(context, "checksumJob", tables, trigger);
		int schema = SchemaSummary.print(out, runId, context.getBean(SchemaRepository.class), false);
		return Math.max(schema, ChecksumSummary.print(out, runId,
				context.getBean(dev.parity.core.repository.CheckpointRepository.class), context.getBean(DiffRepository.class),
				context.getBean(DiscrepancyRepository.class)));
	}

	static int reconcile(ApplicationContext context, PrintWriter out, List<String> tables, String trigger,
			java.nio.file.Path dryRunSql) throws Exception {
		java.util.Map<String, String> extra = new java.util.LinkedHashMap<>();
		extra.put(ParityJobParameters.DRY_RUN, String.valueOf(dryRunSql != null));
		if (dryRunSql != null) {
			extra.put(ParityJobParameters.SQL_OUT, dryRunSql.toAbsolutePath().toString());
		}
		long runId = run(context, "reconcileJob", tables, trigger, extra);
		int schema = SchemaSummary.print(out, runId, context.getBean(SchemaRepository.class), false);
		dev.parity.core.config.ParityConfig config = context.getBean(dev.parity.core.config.ParityConfig.class);
		List<String> names = config.select(tables).stream().map(dev.parity.core.config.TableMapping::name).toList();
		return Math.max(schema, ReconcileSummary.print(out, runId, names, dryRunSql,
				context.getBean(dev.parity.core.repository.FixJournal.class), context.getBean(DiscrepancyRepository.class)));
	}

	private static long run(ApplicationContext context, String job, List<String> tables, String trigger) throws Exception {
		return run(context, job, tables, trigger, java.util.Map.of());
	}

	private static long run(ApplicationContext context, String job, List<String> tables, String trigger,
			java.util.Map<String, String> extra) throws Exception {
		JobExecution execution = context.getBean(JobRunner.class).run(job, tables, trigger, extra);
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			throw JobFailures.of(execution);
		}
		return execution.getExecutionContext().getLong(ParityJobParameters.RUN_ID);
	}

}
