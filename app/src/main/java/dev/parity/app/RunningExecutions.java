package dev.parity.app;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import dev.parity.core.repository.AuditLog;
import dev.parity.core.run.LaunchingProcess;
import dev.parity.core.run.ParityJobParameters;

/**
 * What stops a job from starting: an execution of it still running. One left by a process known gone
 * (killed, on this host) does not count: it is recovered first (FAILED, restartable; audited
 * {@code JOB_RECOVERED}). Used by the CLI and the console; schedules judge their nodes themselves.
 */
@Component
public class RunningExecutions {

	private static final Logger log = LoggerFactory.getLogger(RunningExecutions.class);

	private final JobRepository repository;

	private final AuditLog audit;

	private final Clock clock;

	public RunningExecutions(JobRepository repository, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The first execution of {@code jobName} still running, after recovering (through {@code operator},
	 * audited as {@code actor}) those whose process is gone.
	 */
	public Optional<JobExecution> blocking(String jobName, JobOperator operator, String actor) throws Exception {
		for (JobExecution running : repository.findRunningJobExecutions(jobName)) {
			String process = running.getJobParameters().getString(ParityJobParameters.PROCESS);
			if (LaunchingProcess.judge(process) != LaunchingProcess.Liveness.GONE) {
				return Optional.of(running);
			}
			operator.recover(running);
			String detail = jobName + " execution " + running.getId() + " was left running by "
					+ LaunchingProcess.describe(process) + ", which is gone; marked FAILED (restartable)";
			log.warn(detail);
			audit.record(actor, "JOB_RECOVERED", null, null, null, detail, clock.instant());
		}
		return Optional.empty();
	}

	/** Who started {@code execution} and in which process: {@code started by cli, process 4242 on host db-1}. */
	public static String startedBy(JobExecution execution) {
		return "started by " + execution.getJobParameters().getString(ParityJobParameters.TRIGGER) + ", "
				+ LaunchingProcess.describe(execution.getJobParameters().getString(ParityJobParameters.PROCESS));
	}

}
