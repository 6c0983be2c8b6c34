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

/** Starts a Parity job by name, synchronously, as its own job instance. */
@Component
public class JobRunner {

	private final JobOperator jobOperator;

	private final Map<String, Job> jobs;

	public JobRunner(JobOperator jobOperator, Map<String, Job> jobs) {
		this.jobOperator = jobOperator;
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
		return jobOperator.start(job, parameters);
	}

}
