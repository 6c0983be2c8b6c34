package dev.parity.app.console;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.DuplicateJobException;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

import dev.parity.app.RunningExecutions;
import dev.parity.app.security.CurrentUser;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.TableMapping;
import dev.parity.core.repository.AuditLog;
import dev.parity.core.run.ParityJobParameters;
import dev.parity.schedules.AsyncJobOperators;
import dev.parity.schedules.LaunchGate;
import dev.parity.schedules.ScheduleEntry;
import dev.parity.schedules.ScheduleOverview;

/**
 * Launches, stops and restarts Parity's jobs for the console and the API, through a Spring Batch
 * {@link JobOperator} that runs each job on a thread of its own (the request returns as soon as the
 * execution exists), and reads their executions from the job repository. Every change is audited
 * with the user ({@code JOB_LAUNCHED}, {@code JOB_STOP_REQUESTED}, {@code JOB_RESTARTED}).
 */
@Service
@ConditionalOnWebApplication
public class JobConsole {

	/** What each job does, for a person choosing one. */
	private static final Map<String, String> DESCRIPTIONS = Map.of("counts",
			"record counts per table pair and their variance (hourly)", "diff",
			"field-level comparison of every mapped column, row by row (daily)", "schema",
			"checks that the mapping still fits both schemas; pauses a table on a conflict", "reconcile",
			"repairs the target by rule, re-reading both sides first; audited", "report",
			"writes the PDF sign-off report into the report directory", "checksum",
			"partitioned checksums pushed into both databases (weekly)");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

	private final Map<String, Job> jobs = new TreeMap<>();

	private final JobRepository repository;

	private final JobOperator operator;

	private final ScheduleOverview schedules;

	private final AuditLog audit;

	private final ParityConfig config;

	private final Clock clock;

	private final RunningExecutions runningExecutions;

	private final ZoneId zone = ZoneId.systemDefault();

	JobConsole(List<Job> jobs, JobRepository repository, PlatformTransactionManager transactionManager,
			ApplicationContext context, ScheduleOverview schedules, AuditLog audit, ParityConfig config, Clock clock,
			RunningExecutions runningExecutions) throws DuplicateJobException {
		MapJobRegistry registry = new MapJobRegistry();
		for (Job job : jobs) {
			this.jobs.put(job.getName().replaceFirst("Job$", ""), job);
			registry.register(job);
		}
		this.repository = repository;
		this.operator = AsyncJobOperators.create("parity-console-", repository, registry, transactionManager, context);
		this.schedules = schedules;
		this.audit = audit;
		this.config = config;
		this.clock = clock;
		this.runningExecutions = runningExecutions;
	}

	/**
	 * One job: its short name ({@code diff}), what it does, its schedule (null when not scheduled) and
	 * its latest execution (null when it never ran).
	 */
	public record JobView(String name, String description, ScheduleEntry schedule, ExecutionView latest) {
	}

	public List<JobView> jobs() {
		Map<String, ScheduleEntry> scheduled = new TreeMap<>();
		schedules.list().forEach((entry) -> scheduled.put(entry.job(), entry));
		List<JobView> views = new ArrayList<>();
		for (Map.Entry<String, Job> job : jobs.entrySet()) {
			JobInstance last = repository.getLastJobInstance(job.getValue().getName());
			JobExecution latest = last == null ? null : repository.getLastJobExecution(last);
			views.add(new JobView(job.getKey(), DESCRIPTIONS.getOrDefault(job.getKey(), ""), scheduled.get(job.getKey()),
					latest == null ? null : ExecutionView.of(latest, zone)));
		}
		return views;
	}

	/** The most recent executions of every job, newest first, at most {@code limit}. */
	public List<ExecutionView> recent(int limit) {
		List<JobExecution> executions = new ArrayList<>();
		for (Job job : jobs.values()) {
			for (JobInstance instance : repository.getJobInstances(job.getName(), 0, limit)) {
				executions.addAll(repository.getJobExecutions(instance));
			}
		}
		return executions.stream()
			.sorted(Comparator.comparing(JobExecution::getId).reversed())
			.limit(limit)
			.map((e) -> ExecutionView.of(e, zone))
			.toList();
	}

	public Optional<ExecutionView> execution(long id) {
		return find(id).map((e) -> ExecutionView.of(e, zone));
	}

	// The JDBC job repository throws, rather than answering null, for an id it does not know.
	private Optional<JobExecution> find(long id) {
		try {
			return Optional.ofNullable(repository.getJobExecution(id));
		}
		catch (org.springframework.dao.EmptyResultDataAccessException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Starts job {@code name} as a new instance on {@code tables} (empty: every pair).
	 * @param dryRun for {@code reconcile} only: change nothing, write the SQL it would run into the report directory
	 * @return the new execution's id
	 * @throws IllegalArgumentException for an unknown job or table, or a dry run of another job
	 * @throws IllegalStateException when an execution of the job is still running
	 */
	public long launch(String name, List<String> tables, boolean dryRun) {
		Job job = jobs.get(name);
		if (job == null) {
			throw new IllegalArgumentException("there is no job named '" + name + "'; jobs: " + String.join(", ", jobs.keySet()));
		}
		List<String> known = config.tables().stream().map(TableMapping::name).toList();
		for (String table : tables) {
			if (!known.contains(table)) {
				throw new IllegalArgumentException("there is no table pair named '" + table + "' in parity.yml");
			}
		}
		if (dryRun && !name.equals("reconcile")) {
			throw new IllegalArgumentException("a dry run exists for reconcile only, not for " + name);
		}
		CurrentUser user = CurrentUser.get();
		Instant now = clock.instant();
		JobParametersBuilder parameters = new JobParametersBuilder()
			.addString(ParityJobParameters.TABLES, String.join(",", tables))
			.addString(ParityJobParameters.TRIGGER, user.actor(), false)
			.addString(ParityJobParameters.LAUNCH, now.toString())
			.addString(ParityJobParameters.PROCESS, dev.parity.core.run.LaunchingProcess.current(), false);
		if (name.equals("reconcile")) {
			parameters.addString(ParityJobParameters.DRY_RUN, String.valueOf(dryRun));
			if (dryRun) {
				parameters.addString(ParityJobParameters.SQL_OUT, java.nio.file.Path.of(config.report().directory(),
						"reconcile-dry-run-" + STAMP.format(now) + ".sql").toAbsolutePath().toString(), false);
			}
		}
		LaunchGate.Pass pass = enter(job);
		try {
			JobExecution execution = operator.start(job, parameters.toJobParameters());
			pass.started(execution);
			audit.record(user.actor(), "JOB_LAUNCHED", null, null, null, job.getName() + " execution " + execution.getId()
					+ " started" + (tables.isEmpty() ? " on every table pair" : " on " + String.join(", ", tables))
					+ (dryRun ? " (dry run)" : ""), clock.instant());
			return execution.getId();
		}
		catch (Exception ex) {
			pass.close();
			throw new IllegalStateException(job.getName() + " could not be started: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Asks a running execution to stop at its next chunk boundary (it ends STOPPED and can be restarted).
	 * @throws java.util.NoSuchElementException when there is no such execution
	 * @throws IllegalStateException when it is not running
	 */
	public void stop(long id) {
		JobExecution execution = existing(id);
		if (!execution.isRunning()) {
			throw new IllegalStateException("execution " + id + " is " + execution.getStatus() + ", not running");
		}
		try {
			operator.stop(execution);
		}
		catch (Exception ex) {
			throw new IllegalStateException("execution " + id + " could not be stopped: " + ex.getMessage(), ex);
		}
		CurrentUser user = CurrentUser.get();
		audit.record(user.actor(), "JOB_STOP_REQUESTED", null, null, null,
				execution.getJobInstance().getJobName() + " execution " + id + " asked to stop", clock.instant());
	}

	/**
	 * Restarts a FAILED or STOPPED execution: its job instance continues where it stopped (committed
	 * chunks are not redone). One left STARTED by a process known gone (killed, on this host) is recovered
	 * first (FAILED, audited {@code JOB_RECOVERED}) and restarted, as the CLI would; one whose process
	 * cannot be judged from here is refused with the {@code ./parity abandon} remedy.
	 * @return the new execution's id
	 */
	public long restart(long id) {
		JobExecution execution = existing(id);
		Job job = jobs.get(execution.getJobInstance().getJobName().replaceFirst("Job$", ""));
		BatchStatus status = execution.getStatus();
		if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED && !execution.isRunning()) {
			throw new IllegalStateException("execution " + id + " is " + status
					+ "; only a FAILED or STOPPED execution can be restarted");
		}
		// Recovers this execution too when its process is gone; refuses while it (or a conflicting run) runs.
		LaunchGate.Pass pass = enter(job);
		try {
			execution = existing(id);
			if (execution.isRunning()) {
				throw new IllegalStateException("execution " + id + " is " + execution.getStatus() + " ("
						+ dev.parity.app.RunningExecutions.startedBy(execution) + "); stop it, or if its process is gone,"
						+ " ./parity abandon " + id + " marks it failed so that it can be restarted");
			}
			// A stop requested before the first step began marks the execution STOPPED at once while its thread
			// still starts that step; restarting then would run the same job instance twice at once.
			if (execution.getStepExecutions().stream().anyMatch((step) -> step.getStatus().isRunning())) {
				throw new IllegalStateException("execution " + id + " is still finishing a step; restart it when that step has ended");
			}
			JobExecution restarted;
			try {
				restarted = operator.restart(execution);
			}
			catch (Exception ex) {
				throw new IllegalStateException("execution " + id + " could not be restarted: " + ex.getMessage(), ex);
			}
			pass.started(restarted);
			CurrentUser user = CurrentUser.get();
			audit.record(user.actor(), "JOB_RESTARTED", null, null, null, execution.getJobInstance().getJobName()
					+ " execution " + id + " restarted as execution " + restarted.getId(), clock.instant());
			return restarted.getId();
		}
		catch (RuntimeException ex) {
			pass.close();
			throw ex;
		}
	}

	private JobExecution existing(long id) {
		return find(id).orElseThrow(() -> new java.util.NoSuchElementException("there is no job execution " + id));
	}

	// One rule for every launch path (RunningExecutions): the run lock, and no conflicting run still running.
	private LaunchGate.Pass enter(Job job) {
		if (job == null) {
			throw new IllegalStateException("this version of Parity no longer has that job");
		}
		return runningExecutions.enter(job.getName(), CurrentUser.get().actor(), operator, CurrentUser.get().actor(),
				(running) -> running.getJobInstance().getJobName() + " execution " + running.getId()
						+ " is still running; stop it or wait for it to finish (if its process is gone, ./parity abandon "
						+ running.getId() + " marks it failed)");
	}

}
