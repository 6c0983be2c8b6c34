package dev.parity.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parity.app.ParityRuntime;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.repository.AuditLog;
import dev.parity.core.run.LaunchingProcess;
import dev.parity.core.run.ParityJobParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./parity abandon EXECUTION}: marks a job execution left running by a process that is gone
 * (a killed CLI run, a crashed console) FAILED, so that it no longer blocks schedules and launches and
 * can be restarted, and releases the run lock it held. Audited.
 */
@Command(name = "abandon", mixinStandardHelpOptions = true,
		description = { "Marks a job execution left running by a process that is gone FAILED (restartable).",
				"A killed ./parity run leaves its execution STARTED, and schedule firings and console launches of",
				"that job are skipped while it is. Parity refuses when it can see the execution's process still",
				"running (on this host); from another host it cannot tell, so make sure first. Audited." })
class AbandonCommand implements Callable<Integer> {

	@Mixin
	ConfigOption config;

	@Parameters(index = "0", paramLabel = "EXECUTION", description = "The job execution id (the console's Jobs page, the schedule's skip message).")
	long executionId;

	@Mixin
	ByOption by;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		ParityConfig parity = config.load();
		String who = by.who();
		try (ConfigurableApplicationContext context = ParityRuntime.start(parity)) {
			JobExecution execution;
			try {
				execution = context.getBean(JobRepository.class).getJobExecution(executionId);
			}
			catch (org.springframework.dao.EmptyResultDataAccessException ex) {
				execution = null; // the JDBC repository's answer for an unknown id
			}
			if (execution == null) {
				throw new UserException("abandon: no job execution " + executionId + " in the control database");
			}
			String job = execution.getJobInstance().getJobName();
			if (!execution.isRunning()) {
				throw new UserException("abandon: job execution " + executionId + " (" + job + ") is not running: it is "
						+ execution.getStatus());
			}
			// The run lock names the process that runs it now (a restart keeps the first launch's parameters).
			long id = executionId;
			String process = context.getBean(dev.parity.core.repository.RunLocks.class)
				.holder()
				.filter((holder) -> Long.valueOf(id).equals(holder.executionId()))
				.map(dev.parity.core.repository.RunLocks.Holder::process)
				.orElse(execution.getJobParameters().getString(ParityJobParameters.PROCESS));
			if (LaunchingProcess.judge(process) == LaunchingProcess.Liveness.ALIVE) {
				throw new UserException("abandon: job execution " + executionId + " (" + job + ") is still running in "
						+ LaunchingProcess.describe(process) + "; stop it first");
			}
			context.getBean(JobOperator.class).recover(execution);
			context.getBean(dev.parity.core.repository.RunLocks.class).releaseExecution(executionId);
			Clock clock = context.getBean(Clock.class);
			String detail = job + " execution " + executionId + " (started " + execution.getStartTime() + " by "
					+ execution.getJobParameters().getString(ParityJobParameters.TRIGGER) + ", "
					+ LaunchingProcess.describe(process) + ") abandoned: marked FAILED (restartable)";
			context.getBean(AuditLog.class).record("cli:" + who, "JOB_ABANDONED", null, null, null, detail, clock.instant());
			out.println("Abandoned " + detail.replace(" abandoned: marked", ": marked") + ", by " + who + ".");
			return ExitCodes.OK;
		}
	}

}
