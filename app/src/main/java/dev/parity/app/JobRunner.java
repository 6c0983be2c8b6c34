package dev.parity.app;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import dev.parity.core.repository.AuditLog;
import dev.parity.core.run.LaunchingProcess;
import dev.parity.core.run.ParityJobParameters;

/**
 * Starts a Parity job by name, synchronously, as its own job instance. The same job never runs twice at
 * once — as schedules and the console ensure for theirs: an execution of the job still running (started
 * by any process) refuses the launch, unless its process is known gone (killed, on this host), in which
 * case it is recovered first (FAILED, restartable; audited {@code JOB_RECOVERED}).
 */
@Component
public class JobRunner {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JobRunner.class);

	private final JobOperator jobOperator;

	private final JobRepository repository;

	private final AuditLog audit;

	private final Map<String, Job> jobs;

	public JobRunner(JobOperator jobOperator, JobRepository repository, AuditLog audit, Map<String, Job> jobs) {
		this.jobOperator = jobOperator;
		this.repository = repository;
		this.audit = audit;
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
		refuseWhileRunning(jobName, trigger);
		JobParametersBuilder builder = new JobParametersBuilder()
			.addString(ParityJobParameters.TABLES, String.join(",", tables))
			.addString(ParityJobParameters.TRIGGER, trigger, false)
			.addString(ParityJobParameters.LAUNCH, Instant.now().toString())
			.addString(ParityJobParameters.PROCESS, LaunchingProcess.current(), false);
		extra.forEach(builder::addString);
		JobParameters parameters = builder.toJobParameters();
		return jobOperator.start(job, parameters);
	}

	private void refuseWhileRunning(String jobName, String trigger) throws Exception {
		for (JobExecution running : repository.findRunningJobExecutions(jobName)) {
			String process = running.getJobParameters().getString(ParityJobParameters.PROCESS);
			String startedBy = running.getJobParameters().getString(ParityJobParameters.TRIGGER);
			if (LaunchingProcess.judge(process) == LaunchingProcess.Liveness.GONE) {
				jobOperator.recover(running);
				String detail = jobName + " execution " + running.getId() + " was left running by "
						+ LaunchingProcess.describe(process) + ", which is gone; marked FAILED (restartable)";
				log.warn(detail);
				audit.record(trigger, "JOB_RECOVERED", null, null, null, detail, Instant.now());
				continue;
			}
			throw new IllegalStateException(jobName + " execution " + running.getId() + " (started by " + startedBy + ", "
					+ LaunchingProcess.describe(process) + ") is still running; wait for it to finish, or if its process"
					+ " is gone, ./parity abandon " + running.getId() + " marks it failed");
		}
	}

}
