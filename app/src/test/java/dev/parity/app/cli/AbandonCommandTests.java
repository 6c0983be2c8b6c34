package dev.parity.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parity.app.ParityRuntime;
import dev.parity.core.config.ParityConfigLoader;
import dev.parity.core.repository.AuditLog;
import dev.parity.core.run.LaunchingProcess;
import dev.parity.core.run.ParityJobParameters;

/**
 * Executions left running: {@code ./parity abandon} marks one left STARTED by a killed process FAILED and
 * audits it, and refuses one whose process still runs, one that is not running and an unknown id in one
 * sentence; a CLI run is refused while the same job runs, and recovers one left by a killed process.
 */
class AbandonCommandTests {

	@TempDir
	Path dir;

	@Test
	void anExecutionLeftByAKilledProcessIsAbandonedAndOneStillRunningIsNot() throws Exception {
		Path config = demo();
		String killedProcess = killedProcess();
		String killedPid = killedProcess.split("/")[2];
		long orphan = started(config, "countsJob", killedProcess);
		long alive = started(config, "diffJob", LaunchingProcess.current());

		CliRun abandon = CliRun.of("abandon", String.valueOf(orphan), "--config", config.toString(), "--by", "alice");

		assertThat(abandon.exitCode()).as(abandon.err()).isZero();
		assertThat(abandon.out().strip()).startsWith("Abandoned countsJob execution " + orphan + " (started ")
			.contains(" by cli, process " + killedPid + " on host ")
			.endsWith("): marked FAILED (restartable), by alice.");
		CliRun again = CliRun.of("abandon", String.valueOf(orphan), "--config", config.toString());
		assertThat(again.exitCode()).isEqualTo(2);
		assertThat(again.err().strip())
			.isEqualTo("error: abandon: job execution " + orphan + " (countsJob) is not running: it is FAILED");
		CliRun running = CliRun.of("abandon", String.valueOf(alive), "--config", config.toString());
		assertThat(running.exitCode()).isEqualTo(2);
		assertThat(running.err().strip()).startsWith("error: abandon: job execution " + alive
				+ " (diffJob) is still running in process " + ProcessHandle.current().pid() + " on host ")
			.endsWith("; stop it first");
		CliRun unknown = CliRun.of("abandon", "987654", "--config", config.toString());
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err().strip()).isEqualTo("error: abandon: no job execution 987654 in the control database");
		try (ConfigurableApplicationContext context = ParityRuntime.start(ParityConfigLoader.load(config))) {
			JobRepository repository = context.getBean(JobRepository.class);
			assertThat(repository.getJobExecution(orphan).getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(repository.getJobExecution(alive).getStatus()).isEqualTo(BatchStatus.STARTED);
			assertThat(context.getBean(AuditLog.class).byAction("JOB_ABANDONED", 10)).singleElement()
				.satisfies((e) -> assertThat(e.actor() + " " + e.detail()).startsWith("cli:alice countsJob execution " + orphan));
		}
	}

	@Test
	void aCliRunIsRefusedWhileAConflictingJobRunsAndRecoversOneLeftByAKilledProcess() throws Exception {
		Path config = demo();
		String killedProcess = killedProcess();
		String killedPid = killedProcess.split("/")[2];
		long alive = started(config, "schemaJob", LaunchingProcess.current());
		long orphan = started(config, "countsJob", killedProcess);
		String refusal = "error: schemaJob execution " + alive + " (started by cli, process " + ProcessHandle.current().pid()
				+ " on host " + LaunchingProcess.current().split("/")[0] + ") is still running; wait for it to finish, or if"
				+ " its process is gone, ./parity abandon " + alive + " marks it failed";

		CliRun refused = CliRun.of("check", "schema", "--config", config.toString());
		CliRun counts = CliRun.of("check", "counts", "--config", config.toString());
		CliRun reconcile = CliRun.of("reconcile", "--config", config.toString());

		// the same job, and every job that writes verdicts or repairs, is refused while it runs
		for (CliRun run : java.util.List.of(refused, counts, reconcile)) {
			assertThat(run.exitCode()).isEqualTo(2);
			assertThat(run.err().strip()).isEqualTo(refusal);
		}
		ended(config, alive);
		CliRun countsAfter = CliRun.of("check", "counts", "--config", config.toString());
		assertThat(countsAfter.exitCode()).as(countsAfter.err()).isIn(0, 1);
		assertThat(countsAfter.out()).contains("countsJob took");
		try (ConfigurableApplicationContext context = ParityRuntime.start(ParityConfigLoader.load(config))) {
			assertThat(context.getBean(JobRepository.class).getJobExecution(orphan).getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(context.getBean(AuditLog.class).byAction("JOB_RECOVERED", 10)).singleElement()
				.satisfies((e) -> assertThat(e.actor() + " " + e.detail()).isEqualTo("cli countsJob execution " + orphan
						+ " was left running by process " + killedPid + " on host "
						+ LaunchingProcess.current().split("/")[0] + ", which is gone; marked FAILED (restartable)"));
			assertThat(context.getBean(dev.parity.core.repository.RunLocks.class).holder()).as("released").isEmpty();
		}
	}

	// The execution ended (as its process would leave it).
	private static void ended(Path config, long id) {
		try (ConfigurableApplicationContext context = ParityRuntime.start(ParityConfigLoader.load(config))) {
			JobRepository repository = context.getBean(JobRepository.class);
			JobExecution execution = repository.getJobExecution(id);
			execution.setStatus(BatchStatus.FAILED);
			execution.setEndTime(LocalDateTime.now());
			repository.update(execution);
		}
	}

	// The demo's databases, with its runs; its parity.yml.
	private Path demo() {
		Path demo = dir.resolve("demo");
		assertThat(CliRun.of("demo", "--dir", demo.toString()).exitCode()).isZero();
		return demo.resolve("parity.yml");
	}

	// A process of this host, as recorded while it ran, then killed.
	private static String killedProcess() throws Exception {
		Process process = new ProcessBuilder("sleep", "30").start();
		String recorded = LaunchingProcess.of(process.toHandle());
		process.destroyForcibly().waitFor();
		return recorded;
	}

	// An execution as a run launched by `process` leaves it when that process is killed: STARTED.
	private static long started(Path config, String job, String process) {
		try (ConfigurableApplicationContext context = ParityRuntime.start(ParityConfigLoader.load(config))) {
			return started(context.getBean(JobRepository.class), job, process);
		}
	}

	private static long started(JobRepository repository, String job, String process) {
		JobParameters parameters = new JobParametersBuilder().addString(ParityJobParameters.TABLES, "")
			.addString(ParityJobParameters.TRIGGER, "cli", false)
			.addString(ParityJobParameters.LAUNCH, Instant.now().toString())
			.addString(ParityJobParameters.PROCESS, process, false)
			.toJobParameters();
		JobInstance instance = repository.createJobInstance(job, parameters);
		JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
		execution.setStatus(BatchStatus.STARTED);
		execution.setStartTime(LocalDateTime.now());
		repository.update(execution);
		return execution.getId();
	}

}
