package dev.parity.app;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

import dev.parity.core.run.LaunchingProcess;
import dev.parity.core.run.ParityJobParameters;
import dev.parity.schedules.LaunchGate;

/**
 * Starts a Parity job by name, synchronously, as its own job instance, under the one launch rule that
 * schedules and the console keep too ({@link RunningExecutions}): a job that writes verdicts or repairs
 * takes the control database's run lock first, and a running execution of a conflicting job refuses the
 * launch (one left by a process known gone is recovered first).
 */
@Component
public class JobRunner {

	private final JobOperator jobOperator;

	private final RunningExecutions runningExecutions;

	private final Map<String, Job> jobs;

	public JobRunner(JobOperator jobOperator, RunningExecutions runningExecutions, Map<String, Job> jobs) {
		this.jobOperator = jobOperator;
		this.runningExecutions = runningExecutions;
		this.jobs = jobs;
	}

	public JobExecution run(String jobName, List<String> tables, String trigger) throws Exception {
		return run(jobName, tables, trigger, Map.of());
	}

	/** As {@link #run(String, List, String)}, with job-specific parameters (identifying). */
	public JobExecution run(String jobName, List<String> tables, String trigger, Map<String, String> extra)
			throws Exception {
		Job job = jobs.get(jobName);
		if (job == null) {
			throw new IllegalStateException("no job named " + jobName);
		}
		JobParametersBuilder builder = new JobParametersBuilder()
			.addString(ParityJobParameters.TABLES, String.join(",", tables))
			.addString(ParityJobParameters.TRIGGER, trigger, false)
			.addString(ParityJobParameters.LAUNCH, Instant.now().toString())
			.addString(ParityJobParameters.PROCESS, LaunchingProcess.current(), false);
		extra.forEach(builder::addString);
		JobParameters parameters = builder.toJobParameters();
		// taken before the job reads anything; the job binds it when it begins and releases it when it ends
		try (LaunchGate.Pass pass = runningExecutions.enter(jobName, trigger, jobOperator, trigger,
				(running) -> running.getJobInstance().getJobName() + " execution " + running.getId() + " ("
						+ RunningExecutions.startedBy(running) + ") is still running; wait for it to finish, or if its"
						+ " process is gone, ./parity abandon " + running.getId() + " marks it failed")) {
			return jobOperator.start(job, parameters);
		}
	}

}
