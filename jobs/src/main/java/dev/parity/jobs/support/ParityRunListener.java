package dev.parity.jobs.support;

import java.time.Clock;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import dev.parity.core.mapping.Catalogs;
import dev.parity.core.repository.RunRepository;
import dev.parity.core.run.ParityJobParameters;

/**
 * Opens the Parity run of a job instance before the job and closes it after. A restarted execution
 * of the same instance continues the same run, so its results and discrepancies stay together. The
 * catalogs the run read ({@link Catalogs}) are forgotten when it ends.
 */
public class ParityRunListener implements JobExecutionListener {

	private final RunRepository runs;

	private final Clock clock;

	private final Catalogs catalogs;

	public ParityRunListener(RunRepository runs, Clock clock, Catalogs catalogs) {
		this.runs = runs;
		this.clock = clock;
		this.catalogs = catalogs;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		String trigger = execution.getJobParameters().getString(ParityJobParameters.TRIGGER);
		long runId = runs.startOrResume(execution.getJobInstance().getJobName(), execution.getJobInstance().getInstanceId(),
				trigger == null ? "unknown" : trigger, execution.getJobParameters().getString(ParityJobParameters.TABLES),
				clock.instant());
		execution.getExecutionContext().putLong(ParityJobParameters.RUN_ID, runId);
	}

	@Override
	public void afterJob(JobExecution execution) {
		// The run's catalog snapshots end with it: the next run reads the live schemas again.
		catalogs.forget();
		runs.finish(execution.getExecutionContext().getLong(ParityJobParameters.RUN_ID),
				execution.getStatus().name(), clock.instant());
	}

}
