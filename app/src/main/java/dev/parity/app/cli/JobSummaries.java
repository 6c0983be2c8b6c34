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
		Ran ran = run(context, "schemaJob", tables, trigger);
		int code = SchemaSummary.print(out, ran.runId(), context.getBean(SchemaRepository.class), true);
		ran.printTime(out);
		return code;
	}

	static int counts(ApplicationContext context, PrintWriter out, List<String> tables, String trigger) throws Exception {
		Ran ran = run(context, "countsJob", tables, trigger);
		int schema = SchemaSummary.print(out, ran.runId(), context.getBean(SchemaRepository.class), false);
		int code = Math.max(schema, CountsSummary.print(out, ran.runId(), context.getBean(CheckResultRepository.class),
				context.getBean(DiscrepancyRepository.class)));
		ran.printTime(out);
		return code;
	}

	static int diff(ApplicationContext context, PrintWriter out, List<String> tables, String trigger) throws Exception {
		Ran ran = run(context, "diffJob", tables, trigger);
		int schema = SchemaSummary.print(out, ran.runId(), context.getBean(SchemaRepository.class), false);
		int code = Math.max(schema, DiffSummary.print(out, ran.runId(), context.getBean(DiffRepository.class),
				context.getBean(DiscrepancyRepository.class)));
		ran.printTime(out);
		return code;
	}

	static int checksum(ApplicationContext context, PrintWriter out, List<String> tables, String trigger) throws Exception {
		Ran ran = run(context, "checksumJob", tables, trigger);
		int schema = SchemaSummary.print(out, ran.runId(), context.getBean(SchemaRepository.class), false);
		int code = Math.max(schema, ChecksumSummary.print(out, ran.runId(),
				context.getBean(dev.parity.core.repository.CheckpointRepository.class), context.getBean(DiffRepository.class),
				context.getBean(DiscrepancyRepository.class)));
		ran.printTime(out);
		return code;
	}

	static int reconcile(ApplicationContext context, PrintWriter out, List<String> tables, String trigger,
			java.nio.file.Path dryRunSql) throws Exception {
		java.util.Map<String, String> extra = new java.util.LinkedHashMap<>();
		extra.put(ParityJobParameters.DRY_RUN, String.valueOf(dryRunSql != null));
		if (dryRunSql != null) {
			extra.put(ParityJobParameters.SQL_OUT, dryRunSql.toAbsolutePath().toString());
		}
		Ran ran = run(context, "reconcileJob", tables, trigger, extra);
		long runId = ran.runId();
		int schema = SchemaSummary.print(out, runId, context.getBean(SchemaRepository.class), false);
		dev.parity.core.config.ParityConfig config = context.getBean(dev.parity.core.config.ParityConfig.class);
		List<String> names = config.select(tables).stream().map(dev.parity.core.config.TableMapping::name).toList();
		int code = Math.max(schema, ReconcileSummary.print(out, runId, names, dryRunSql,
				context.getBean(dev.parity.core.repository.FixJournal.class), context.getBean(DiscrepancyRepository.class)));
		ran.printTime(out);
		return code;
	}

	/** A completed job: Parity's run id, and how long the job itself took (start-up excluded). */
	private record Ran(String job, long runId, java.time.Duration took, List<String> timings) {

		void printTime(PrintWriter out) {
			out.printf(java.util.Locale.ROOT, "%s took %.2f s%n", job, took.toMillis() / 1000.0);
			timings.forEach(out::println);
		}

	}

	private static Ran run(ApplicationContext context, String job, List<String> tables, String trigger) throws Exception {
		return run(context, job, tables, trigger, java.util.Map.of());
	}

	private static Ran run(ApplicationContext context, String job, List<String> tables, String trigger,
			java.util.Map<String, String> extra) throws Exception {
		JobExecution execution = context.getBean(JobRunner.class).run(job, tables, trigger, extra);
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			throw JobFailures.of(execution);
		}
		java.time.Duration took = execution.getStartTime() == null || execution.getEndTime() == null
				? java.time.Duration.ZERO : java.time.Duration.between(execution.getStartTime(), execution.getEndTime());
		// Steps that time their phases (reconcileStep) say where the time went.
		List<String> timings = execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getExecutionContext().containsKey(ParityJobParameters.TIMINGS))
			.map((step) -> "  " + step.getStepName() + ": " + step.getExecutionContext().getString(ParityJobParameters.TIMINGS))
			.toList();
		return new Ran(job, execution.getExecutionContext().getLong(ParityJobParameters.RUN_ID), took, timings);
	}

}
