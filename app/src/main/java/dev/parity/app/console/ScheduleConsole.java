package dev.parity.app.console;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;

import dev.parity.app.security.CurrentUser;
import dev.parity.core.repository.AuditLog;
import dev.parity.core.repository.SchemaRepository;
import dev.parity.schedules.ScheduleEntry;
import dev.parity.schedules.ScheduleOverview;
import dev.parity.schedules.ScheduleSynchronizer;

/**
 * Pausing and resuming schedules and resuming paused table pairs from the console, audited with the
 * user ({@code SCHEDULE_PAUSED}, {@code SCHEDULE_RESUMED}, {@code RESUME}).
 */
@Service
@ConditionalOnWebApplication
public class ScheduleConsole {

	private final ScheduleOverview overview;

	private final ScheduleSynchronizer synchronizer;

	private final SchemaRepository schemas;

	private final AuditLog audit;

	private final Clock clock;

	ScheduleConsole(ScheduleOverview overview, ScheduleSynchronizer synchronizer, SchemaRepository schemas,
			AuditLog audit, Clock clock) {
		this.overview = overview;
		this.synchronizer = synchronizer;
		this.schemas = schemas;
		this.audit = audit;
		this.clock = clock;
	}

	public List<ScheduleEntry> list() {
		return overview.list();
	}

	/** Pauses schedule {@code job}; see {@link ScheduleSynchronizer#pause}. */
	public void pause(String job) {
		change(job, true);
	}

	public void resume(String job) {
		change(job, false);
	}

	private void change(String job, boolean pause) {
		boolean changed = pause ? synchronizer.pause(job) : synchronizer.resume(job);
		if (!changed) {
			throw new NoSuchElementException("there is no stored schedule for '" + job
					+ "' (not in parity.schedules, its job is not available, or serve has not stored it yet)");
		}
		CurrentUser user = CurrentUser.get();
		audit.record(user.actor(), pause ? "SCHEDULE_PAUSED" : "SCHEDULE_RESUMED", null, null, null,
				"schedule " + job + (pause ? " paused" : " resumed"), clock.instant());
	}

	/**
	 * Resumes a table pair paused by a schema conflict, after review (as {@code ./parity resume}).
	 * @return the reason it was paused for
	 * @throws IllegalStateException when it is not paused
	 */
	public String resumeTable(String table) {
		CurrentUser user = CurrentUser.get();
		String reason = schemas.resume(table, user.name(), clock.instant())
			.orElseThrow(() -> new IllegalStateException(table + " is not paused; nothing to resume"));
		audit.record(user.actor(), "RESUME", table, null, null, "resumed after review; was paused for: " + reason,
				clock.instant());
		return reason;
	}

}
