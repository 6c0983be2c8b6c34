package dev.parity.core.repository;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jooq.DSLContext;

import dev.parity.core.repository.ControlTables.RunLock;

/**
 * The run lock in the control database ({@code parity_run_lock}): at most one execution of a job that
 * writes verdicts or repairs ({@link #EXCLUSIVE_JOBS}) holds it at a time. Taking it is one INSERT of the
 * lock's row, atomic through the primary key on H2 and PostgreSQL: of many launchers in as many
 * processes, exactly one inserts, the others see the holder. A holder is identified by a random token
 * (so that releasing or breaking it never removes a lock someone else took since), its job, the
 * launching process ({@code LaunchingProcess} format) and, once the job has begun, its execution id.
 * This class only stores; the launch paths decide whether a holder is stale.
 */
public class RunLocks {

	/** The one lock every exclusive job takes: verdicts and repairs of one control database. */
	public static final String VERDICTS = "verdicts";

	/**
	 * The jobs that write verdicts (discrepancies, their statuses, check results, paused tables) or repair
	 * the target; any two of them exclude each other, whatever tables they cover. {@code reportJob} only
	 * reads committed results and is not among them.
	 */
	public static final Set<String> EXCLUSIVE_JOBS = Set.of("countsJob", "diffJob", "checksumJob", "reconcileJob",
			"schemaJob");

	/** Who holds the lock: {@code executionId} is null until the job has begun. */
	public record Holder(String token, String jobName, Long executionId, String process, String trigger,
			Instant since) {
	}

	private final DSLContext dsl;

	public RunLocks(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** Whether {@code jobName} takes the run lock. */
	public static boolean exclusive(String jobName) {
		return EXCLUSIVE_JOBS.contains(jobName);
	}

	/**
	 * Takes the lock for {@code jobName} if nobody holds it, in one INSERT.
	 * @return the holder's token, or empty when another holds it
	 */
	public Optional<String> tryTake(String jobName, Long executionId, String process, String trigger, Instant now) {
		String token = UUID.randomUUID().toString();
		try {
			dsl.insertInto(RunLock.TABLE)
				.set(RunLock.NAME, VERDICTS)
				.set(RunLock.TOKEN, token)
				.set(RunLock.JOB_NAME, jobName)
				.set(RunLock.EXECUTION_ID, executionId)
				.set(RunLock.PROCESS, process)
				.set(RunLock.TRIGGER, trigger == null ? null : abbreviate(trigger))
				.set(RunLock.ACQUIRED_AT, now)
				.execute();
			return Optional.of(token);
		}
		catch (RuntimeException ex) {
			if (uniqueViolation(ex)) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/** The current holder, if any. */
	public Optional<Holder> holder() {
		return dsl.select(RunLock.TOKEN, RunLock.JOB_NAME, RunLock.EXECUTION_ID, RunLock.PROCESS, RunLock.TRIGGER,
				RunLock.ACQUIRED_AT)
			.from(RunLock.TABLE)
			.where(RunLock.NAME.eq(VERDICTS))
			.fetchOptional((r) -> new Holder(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
	}

	/** Binds the lock taken with {@code token} to the execution it launched (idempotent). */
	public void bind(String token, long executionId) {
		dsl.update(RunLock.TABLE)
			.set(RunLock.EXECUTION_ID, executionId)
			.where(RunLock.NAME.eq(VERDICTS).and(RunLock.TOKEN.eq(token)))
			.execute();
	}

	/**
	 * For a job that begins: binds the lock this process took (not yet bound) to {@code executionId}, or
	 * finds it already bound to it.
	 * @return whether the execution now holds the lock
	 */
	public boolean bindOwn(long executionId, String process) {
		return dsl.update(RunLock.TABLE)
			.set(RunLock.EXECUTION_ID, executionId)
			.where(RunLock.NAME.eq(VERDICTS)
				.and(RunLock.EXECUTION_ID.eq(executionId)
					.or(RunLock.EXECUTION_ID.isNull().and(RunLock.PROCESS.eq(process)))))
			.execute() == 1;
	}

	/** Releases the lock taken with {@code token}, if it still holds it (idempotent). */
	public boolean release(String token) {
		return dsl.deleteFrom(RunLock.TABLE).where(RunLock.NAME.eq(VERDICTS).and(RunLock.TOKEN.eq(token))).execute() == 1;
	}

	/** Releases the lock held by execution {@code executionId}, if it holds it (idempotent). */
	public boolean releaseExecution(long executionId) {
		return dsl.deleteFrom(RunLock.TABLE)
			.where(RunLock.NAME.eq(VERDICTS).and(RunLock.EXECUTION_ID.eq(executionId)))
			.execute() == 1;
	}

	private static String abbreviate(String text) {
		return text.length() <= 200 ? text : text.substring(0, 200);
	}

	// SQLState class 23 (integrity constraint violation), whatever wraps it (jOOQ, Spring's translation).
	private static boolean uniqueViolation(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
				return true;
			}
			if (cause instanceof org.springframework.dao.DuplicateKeyException) {
				return true;
			}
		}
		return false;
	}

}
