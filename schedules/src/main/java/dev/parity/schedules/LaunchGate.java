package dev.parity.schedules;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

import dev.parity.core.repository.AuditLog;
import dev.parity.core.repository.RunLocks;
import dev.parity.core.run.LaunchingProcess;
import dev.parity.core.run.ParityJobParameters;

/**
 * The one rule every launch path keeps (CLI, console, API, schedule): before a job starts, {@link #enter}
 * takes the control database's run lock ({@link RunLocks}) for a job that writes verdicts or repairs —
 * atomically, before anything is read — and then makes sure no execution of a conflicting job (any
 * exclusive job; for another job, the same job) is still running. What is left by a process known gone
 * is recovered on the way: its execution marked FAILED (restartable) through {@link JobOperator#recover}
 * and audited ({@code recoveredAction}), its lock broken. Otherwise the launch is refused with the
 * running execution ({@link Refused}), and nothing is recorded.
 * <p>
 * The conflict matrix: counts, diff, checksum, reconcile and schema each exclude all five (whatever
 * tables they cover); report excludes only another report.
 */
public class LaunchGate {

	private static final Log logger = LogFactory.getLog(LaunchGate.class);

	/** An unbound lock older than this was left between taking it and the job's start by a process that died. */
	static final Duration UNBOUND_GRACE = Duration.ofMinutes(2);

	private final JobRepository repository;

	private final RunLocks locks;

	private final AuditLog audit;

	private final Clock clock;

	public LaunchGate(JobRepository repository, RunLocks locks, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.locks = locks;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The right to launch: {@link #started} binds it to the execution, {@link #close} releases it if the
	 * launch did not happen or (for a synchronous launch) has ended. Without a lock for a job that takes none.
	 */
	public final class Pass implements AutoCloseable {

		private final String token;

		private Pass(String token) {
			this.token = token;
		}

		/** Binds the lock to the execution just launched (the job binds it too when it begins). */
		public void started(JobExecution execution) {
			if (token != null) {
				locks.bind(token, execution.getId());
			}
		}

		/** Releases the lock unless the job took it over (idempotent; the job releases its own when it ends). */
		@Override
		public void close() {
			if (token != null) {
				locks.release(token);
			}
		}

	}

	/** A launch refused: {@code running} is the execution in the way, or null when a launch holds the lock. */
	public static final class Refused extends IllegalStateException {

		private final transient JobExecution running;

		Refused(String message, JobExecution running) {
			super(message);
			this.running = running;
		}

		public Optional<JobExecution> running() {
			return Optional.ofNullable(running);
		}

	}

	/**
	 * Takes the right to launch {@code jobName}.
	 * @param operator recovers executions left by a process that is gone
	 * @param actor who launches, for the audit
	 * @param recoveredAction the audit action of a recovery ({@code JOB_RECOVERED}, {@code SCHEDULE_RECOVERED})
	 * @param orphan besides a process known gone: what else makes a running execution an orphan (a dead
	 * schedule node), or {@code e -> false}
	 * @throws Refused with the running execution, formatted by {@code refusal}
	 */
	public Pass enter(String jobName, String trigger, JobOperator operator, String actor, String recoveredAction,
			Predicate<JobExecution> orphan, java.util.function.Function<JobExecution, String> refusal) {
		boolean exclusive = RunLocks.exclusive(jobName);
		Pass pass = new Pass(exclusive ? take(jobName, trigger, operator, actor, recoveredAction, orphan, refusal) : null);
		try {
			List<String> conflicting = exclusive ? List.copyOf(RunLocks.EXCLUSIVE_JOBS) : List.of(jobName);
			List<JobExecution> running = new ArrayList<>();
			for (String job : conflicting) {
				for (JobExecution execution : repository.findRunningJobExecutions(job)) {
					if (orphan.test(execution) || gone(execution)) {
						recover(execution, operator, actor, recoveredAction, processOf(execution));
					}
					else {
						running.add(execution);
					}
				}
			}
			running.stream().min(Comparator.comparing(JobExecution::getId)).ifPresent((first) -> {
				throw new Refused(refusal.apply(first), first);
			});
			return pass;
		}
		catch (RuntimeException ex) {
			pass.close();
			throw ex;
		}
	}

	private String take(String jobName, String trigger, JobOperator operator, String actor, String recoveredAction,
			Predicate<JobExecution> orphan, java.util.function.Function<JobExecution, String> refusal) {
		String process = LaunchingProcess.current();
		for (int attempt = 0; attempt < 5; attempt++) {
			Optional<String> token = locks.tryTake(jobName, null, process, trigger, clock.instant());
			if (token.isPresent()) {
				return token.get();
			}
			Optional<RunLocks.Holder> holder = locks.holder();
			if (holder.isEmpty()) {
				continue; // released in between
			}
			RunLocks.Holder h = holder.get();
			boolean gone = LaunchingProcess.judge(h.process()) == LaunchingProcess.Liveness.GONE;
			if (h.executionId() == null) {
				if (gone || h.since().plus(UNBOUND_GRACE).isBefore(clock.instant())) {
					breakLock(h, "its launch by " + LaunchingProcess.describe(h.process()) + " never started");
					continue;
				}
				throw new Refused(h.jobName() + " is being started by " + h.trigger() + ", "
						+ LaunchingProcess.describe(h.process()) + "; wait for it to finish", null);
			}
			JobExecution execution = find(h.executionId());
			if (execution == null || !execution.isRunning()) {
				breakLock(h, "execution " + h.executionId() + " is "
						+ (execution == null ? "gone" : execution.getStatus().toString()));
				continue;
			}
			// A holder in this very process runs here (a schedule's own launch a moment ago, not yet noted as such).
			if (!process.equals(h.process()) && (gone || orphan.test(execution))) {
				recover(execution, operator, actor, recoveredAction, h.process());
				breakLock(h, "its process is gone");
				continue;
			}
			throw new Refused(refusal.apply(execution), execution);
		}
		throw new Refused("the run lock of the control database changed hands too often to be taken; try again", null);
	}

	private void breakLock(RunLocks.Holder holder, String why) {
		if (locks.release(holder.token())) {
			logger.warn("run lock of " + holder.jobName()
					+ (holder.executionId() == null ? "" : " execution " + holder.executionId()) + " released: " + why);
		}
	}

	private void recover(JobExecution execution, JobOperator operator, String actor, String action, String process) {
		operator.recover(execution);
		locks.releaseExecution(execution.getId());
		String launchedBy = execution.getJobParameters().getString(ScheduleKeys.NODE);
		String by = launchedBy != null ? "node " + launchedBy : LaunchingProcess.describe(process);
		String detail = execution.getJobInstance().getJobName() + " execution " + execution.getId()
				+ " was left running by " + by + ", which is gone; marked FAILED (restartable)";
		logger.warn(detail);
		audit.record(actor, action, null, null, null, detail, clock.instant());
	}

	// The process that runs an execution: the lock's holder when the execution holds it (a restarted execution
	// keeps the job parameters, and so the process, of its first launch), else the one that launched it.
	private String processOf(JobExecution execution) {
		return locks.holder()
			.filter((h) -> Long.valueOf(execution.getId()).equals(h.executionId()))
			.map(RunLocks.Holder::process)
			.orElseGet(() -> execution.getJobParameters().getString(ParityJobParameters.PROCESS));
	}

	private boolean gone(JobExecution execution) {
		return LaunchingProcess.judge(processOf(execution)) == LaunchingProcess.Liveness.GONE;
	}

	private JobExecution find(long id) {
		try {
			return repository.getJobExecution(id);
		}
		catch (org.springframework.dao.EmptyResultDataAccessException ex) {
			return null;
		}
	}

}
