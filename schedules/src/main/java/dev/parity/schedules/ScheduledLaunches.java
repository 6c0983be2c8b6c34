package dev.parity.schedules;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;

import dev.parity.core.repository.AuditLog;
import dev.parity.core.run.LaunchingProcess;
import dev.parity.core.run.ParityJobParameters;
import dev.parity.schedules.BatchJobLauncherQuartzJob.Node;

/**
 * What one firing of a schedule does, recorded in the audit log (actor {@code schedule}):
 *
 * <ol>
 * <li>An execution of the job left running by a node that is gone (a dead cluster member, or this
 * node before a restart), or by a CLI or console process on this host that is gone (killed), is recovered: marked FAILED through {@link JobOperator#recover}, so it can be
 * restarted and no longer blocks the schedule ({@code SCHEDULE_RECOVERED}).</li>
 * <li>If an execution of the job, or of a job it conflicts with ({@link LaunchGate}: the jobs that write
 * verdicts or repairs exclude each other, through the control database's run lock), is still running —
 * started by any schedule node, the CLI or the console — the firing is skipped ({@code SCHEDULE_SKIPPED},
 * naming the running execution).</li>
 * <li>Otherwise the job starts as its own job instance: {@code trigger=schedule}, {@code launch=}the
 * scheduled fire time (identifying, so a failed firing can be restarted), {@code tables=} (all), and
 * the launching node ({@code SCHEDULE_LAUNCHED}, with the execution id). The execution is created before
 * this returns and runs on the schedule executor.</li>
 * </ol>
 * A schedule whose job does not exist in this version is skipped and recorded the same way.
 */
public class ScheduledLaunches implements DisposableBean {

	private static final Log logger = LogFactory.getLog(ScheduledLaunches.class);

	private final JobLocator jobs;

	private final JobRepository repository;

	private final JobOperator launcher;

	private final ClusterMembers members;

	private final AuditLog audit;

	private final Clock clock;

	private final LaunchGate gate;

	// Executions this process launched: a running execution of this node that is not here is an orphan.
	private final Set<Long> launchedHere = ConcurrentHashMap.newKeySet();

	ScheduledLaunches(JobLocator jobs, JobRepository repository, JobOperator launcher, ClusterMembers members,
			AuditLog audit, Clock clock, LaunchGate gate) {
		this.gate = gate;
		this.jobs = jobs;
		this.repository = repository;
		this.launcher = launcher;
		this.members = members;
		this.audit = audit;
		this.clock = clock;
	}

	/** Handles one firing; returns the started execution, or empty when the firing was skipped. */
	Optional<JobExecution> fire(String shortName, Instant scheduledAt, Node node) {
		Optional<Job> job = jobs.find(shortName);
		if (job.isEmpty()) {
			return skipped(shortName, "the " + shortName + " job is not available in this version of Parity", scheduledAt);
		}
		String jobName = job.get().getName();
		LaunchGate.Pass pass;
		try {
			pass = gate.enter(jobName, ScheduleKeys.ACTOR, launcher, ScheduleKeys.ACTOR, "SCHEDULE_RECOVERED",
					(execution) -> orphaned(execution, node),
					(first) -> first.getJobInstance().getJobName() + " execution " + first.getId() + " (started by "
							+ describeTrigger(first) + ") is still running; this firing is skipped (if its process is gone,"
							+ " ./parity abandon " + first.getId() + " marks it failed)");
		}
		catch (LaunchGate.Refused ex) {
			return skipped(shortName, ex.getMessage(), scheduledAt);
		}
		JobParameters parameters = new JobParametersBuilder().addString(ParityJobParameters.TABLES, "")
			.addString(ParityJobParameters.TRIGGER, ScheduleKeys.ACTOR, false)
			.addString(ParityJobParameters.LAUNCH, scheduledAt.toString())
			.addString(ScheduleKeys.NODE, node.instanceId(), false)
			.addString(ParityJobParameters.PROCESS, LaunchingProcess.current(), false)
			.toJobParameters();
		try {
			JobExecution execution = launcher.start(job.get(), parameters);
			pass.started(execution);
			launchedHere.add(execution.getId());
			String detail = jobName + " execution " + execution.getId() + " started for the firing scheduled at "
					+ scheduledAt + " on node " + node.instanceId();
			logger.info(detail);
			audit.record(ScheduleKeys.ACTOR, "SCHEDULE_LAUNCHED", null, null, null, detail, clock.instant());
			return Optional.of(execution);
		}
		catch (JobInstanceAlreadyCompleteException | JobExecutionAlreadyRunningException ex) {
			pass.close();
			return skipped(shortName, "the firing scheduled at " + scheduledAt + " was already launched", scheduledAt);
		}
		catch (Exception ex) {
			pass.close();
			String detail = jobName + " could not be started for the firing scheduled at " + scheduledAt + ": "
					+ ex.getMessage();
			logger.error(detail, ex);
			audit.record(ScheduleKeys.ACTOR, "SCHEDULE_FAILED", null, null, null, detail, clock.instant());
			return Optional.empty();
		}
	}

	// Node-launched executions only: the gate judges a CLI or console process itself (known gone on this host).
	private boolean orphaned(JobExecution execution, Node node) {
		String launchedBy = execution.getJobParameters().getString(ScheduleKeys.NODE);
		if (launchedBy == null) {
			return false;
		}
		if (launchedBy.equals(node.instanceId())) {
			return !launchedHere.contains(execution.getId());
		}
		return !members.alive(node.schedulerName(), launchedBy);
	}

	private Optional<JobExecution> skipped(String shortName, String reason, Instant scheduledAt) {
		String detail = shortName + " firing scheduled at " + scheduledAt + " skipped: " + reason;
		logger.info(detail);
		audit.record(ScheduleKeys.ACTOR, "SCHEDULE_SKIPPED", null, null, null, detail, clock.instant());
		return Optional.empty();
	}

	private static String describeTrigger(JobExecution execution) {
		String trigger = execution.getJobParameters().getString(ParityJobParameters.TRIGGER);
		String node = execution.getJobParameters().getString(ScheduleKeys.NODE);
		return (trigger == null ? "unknown" : trigger) + (node == null ? "" : " on node " + node) + ", at "
				+ execution.getCreateTime();
	}

	/**
	 * On shutdown, asks the runs this process started to stop (at their next chunk boundary: STOPPED
	 * executions are restartable) and waits for them up to {@link #STOP_WAIT}. A run that does not stop
	 * in time is recovered by the next firing on any node, as an orphan of this node.
	 */
	@Override
	public void destroy() throws InterruptedException {
		List<JobExecution> stopping = new ArrayList<>();
		for (Long id : launchedHere) {
			JobExecution execution = repository.getJobExecution(id);
			if (execution != null && execution.isRunning()) {
				try {
					launcher.stop(execution);
					stopping.add(execution);
				}
				catch (Exception ex) {
					logger.warn("could not stop " + execution.getJobInstance().getJobName() + " execution " + id + ": "
							+ ex.getMessage());
				}
			}
		}
		long deadline = System.nanoTime() + STOP_WAIT.toNanos();
		while (!stopping.isEmpty() && System.nanoTime() < deadline) {
			stopping.removeIf((e) -> !repository.getJobExecution(e.getId()).isRunning());
			Thread.sleep(200);
		}
	}

	/** How long shutdown waits for running scheduled jobs to stop. */
	static final java.time.Duration STOP_WAIT = java.time.Duration.ofSeconds(30);

	/** Whether this process launched the execution (for tests and the overview). */
	boolean launchedHere(long executionId) {
		return launchedHere.contains(executionId);
	}

}
