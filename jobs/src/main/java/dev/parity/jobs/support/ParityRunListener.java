package dev.parity.jobs.support;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import dev.parity.core.mapping.Catalogs;
import dev.parity.core.repository.DiffRepository;
import dev.parity.core.repository.RunLocks;
import dev.parity.core.repository.RunRepository;
import dev.parity.core.run.LaunchingProcess;
import dev.parity.core.run.ParityJobParameters;

/**
 * Opens the Parity run of a job instance before the job and closes it after. A restarted execution
 * of the same instance continues the same run, so its results and discrepancies stay together. The
 * catalogs the run read ({@link Catalogs}) are forgotten when it ends.
 * <p>
 * For a job that writes verdicts or repairs ({@link RunLocks#EXCLUSIVE_JOBS}) it first binds the run lock
 * its launcher took to the execution — or, for a launch that did not take it, takes it now — before the
 * job reads anything, and fails the execution if another run holds it: the lock is the last word, whatever
 * path launched the job. After the job it releases the lock; a completed run's diff candidates are pruned
 * then (with those of any earlier completed run).
 */
public class ParityRunListener implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(ParityRunListener.class);

	private final RunRepository runs;

	private final RunLocks locks;

	private final DiffRepository diffs;

	private final Clock clock;

	private final Catalogs catalogs;

	public ParityRunListener(RunRepository runs, RunLocks locks, DiffRepository diffs, Clock clock, Catalogs catalogs) {
		this.runs = runs;
		this.locks = locks;
		this.diffs = diffs;
		this.clock = clock;
		this.catalogs = catalogs;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		String job = execution.getJobInstance().getJobName();
		String trigger = execution.getJobParameters().getString(ParityJobParameters.TRIGGER);
		if (RunLocks.exclusive(job)) {
			holdLock(execution, job, trigger);
		}
		long runId = runs.startOrResume(job, execution.getJobInstance().getInstanceId(),
				trigger == null ? "unknown" : trigger, execution.getJobParameters().getString(ParityJobParameters.TABLES),
				clock.instant());
		execution.getExecutionContext().putLong(ParityJobParameters.RUN_ID, runId);
	}

	private void holdLock(JobExecution execution, String job, String trigger) {
		String process = LaunchingProcess.current();
		if (locks.bindOwn(execution.getId(), process)
				|| locks.tryTake(job, execution.getId(), process, trigger, clock.instant()).isPresent()) {
			return;
		}
		RunLocks.Holder holder = locks.holder().orElse(null);
		throw new IllegalStateException(job + " execution " + execution.getId() + " did not start: "
				+ (holder == null ? "another run" : holder.jobName()
						+ (holder.executionId() == null ? "" : " execution " + holder.executionId()))
				+ " holds the run lock of the control database");
	}

	@Override
	public void afterJob(JobExecution execution) {
		try {
			// The run's catalog snapshots end with it: the next run reads the live schemas again.
			catalogs.forget();
			if (execution.getExecutionContext().containsKey(ParityJobParameters.RUN_ID)) {
				runs.finish(execution.getExecutionContext().getLong(ParityJobParameters.RUN_ID),
						execution.getStatus().name(), clock.instant());
				if (execution.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED) {
					int pruned = diffs.pruneCandidates();
					if (pruned > 0) {
						log.debug("{} diff candidates of completed runs pruned", pruned);
					}
				}
			}
		}
		finally {
			// only a lock bound to this execution: one refused in beforeJob held none
			if (RunLocks.exclusive(execution.getJobInstance().getJobName())) {
				locks.releaseExecution(execution.getId());
			}
		}
	}

}
