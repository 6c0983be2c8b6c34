package dev.parity.schedules;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;

import dev.parity.core.cutover.CheckpointLauncher;
import dev.parity.core.run.ParityJobParameters;

/**
 * The kill switch's checkpoint: starts the Spring Batch job named {@code checksumJob} by name (found
 * like a schedule's job, without knowing the jobs module) over every table, with
 * {@code trigger=cutover}. The operator runs it on a thread of its own and returns once the execution
 * exists. Without such a job it launches nothing and says so; while another run that writes verdicts or
 * repairs holds the run lock ({@link LaunchGate}) it launches nothing and names that run.
 */
class CheckpointJobLauncher implements CheckpointLauncher {

	private static final Logger log = LoggerFactory.getLogger(CheckpointJobLauncher.class);

	/** The short name of the job whose run is the checkpoint. */
	static final String JOB = "checksum";

	private final JobLocator jobs;

	private final JobOperator operator;

	private final Clock clock;

	private final LaunchGate gate;

	CheckpointJobLauncher(JobLocator jobs, JobOperator operator, Clock clock, LaunchGate gate) {
		this.jobs = jobs;
		this.operator = operator;
		this.clock = clock;
		this.gate = gate;
	}

	@Override
	public CheckpointLaunch launch(String reason) {
		Optional<Job> job = jobs.find(JOB);
		if (job.isEmpty()) {
			log.warn("{}: {}", reason, NOT_AVAILABLE);
			return new CheckpointLaunch(null, NOT_AVAILABLE);
		}
		JobParameters parameters = new JobParametersBuilder().addString(ParityJobParameters.TABLES, "")
			.addString(ParityJobParameters.TRIGGER, "cutover", false)
			.addString(ParityJobParameters.LAUNCH, clock.instant().toString() + "/" + System.nanoTime())
			.addString(ParityJobParameters.PROCESS, dev.parity.core.run.LaunchingProcess.current(), false)
			.toJobParameters();
		// the one launch rule: while another run that writes verdicts or repairs holds the lock, no checkpoint
		LaunchGate.Pass pass;
		try {
			pass = gate.enter(job.get().getName(), "cutover", operator, "cutover", "JOB_RECOVERED", (e) -> false,
					(running) -> running.getJobInstance().getJobName() + " execution " + running.getId() + " is still running");
		}
		catch (LaunchGate.Refused ex) {
			log.warn("{}: checkpoint not taken: {}", reason, ex.getMessage());
			return new CheckpointLaunch(null, "checkpoint not taken: " + ex.getMessage());
		}
		try {
			JobExecution execution = operator.start(job.get(), parameters);
			pass.started(execution);
			return new CheckpointLaunch(execution.getId(),
					job.get().getName() + " execution " + execution.getId() + " launched (" + reason + ")");
		}
		catch (Exception ex) {
			pass.close();
			log.error("{}: checkpoint launch failed", reason, ex);
			return new CheckpointLaunch(null, "checkpoint not taken: " + job.get().getName() + " could not be started: "
					+ ex.getMessage());
		}
	}

}
