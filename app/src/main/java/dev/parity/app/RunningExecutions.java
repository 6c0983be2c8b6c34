package dev.parity.app;

import java.util.function.Function;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

import dev.parity.core.run.LaunchingProcess;
import dev.parity.core.run.ParityJobParameters;
import dev.parity.schedules.LaunchGate;

/**
 * What stops a job from starting, for the CLI and the console ({@link LaunchGate}, as for schedules): the
 * control database's run lock held by a job that writes verdicts or repairs, or an execution of a
 * conflicting job still running. One left by a process known gone (killed, on this host) does not count:
 * it is recovered first (FAILED, restartable; audited {@code JOB_RECOVERED}).
 */
@Component
public class RunningExecutions {

	private final LaunchGate gate;

	public RunningExecutions(LaunchGate gate) {
		this.gate = gate;
	}

	/**
	 * The right to launch {@code jobName}, audited as {@code actor} where something is recovered.
	 * @throws LaunchGate.Refused with the sentence {@code refusal} makes of the running execution
	 */
	public LaunchGate.Pass enter(String jobName, String trigger, JobOperator operator, String actor,
			Function<JobExecution, String> refusal) {
		return gate.enter(jobName, trigger, operator, actor, "JOB_RECOVERED", (execution) -> false, refusal);
	}

	/** Who started {@code execution} and in which process: {@code started by cli, process 4242 on host db-1}. */
	public static String startedBy(JobExecution execution) {
		return "started by " + execution.getJobParameters().getString(ParityJobParameters.TRIGGER) + ", "
				+ LaunchingProcess.describe(execution.getJobParameters().getString(ParityJobParameters.PROCESS));
	}

}
