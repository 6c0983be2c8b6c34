package dev.parity.schedules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.context.SmartLifecycle;

import dev.parity.core.config.ParityConfig;

/**
 * Makes the triggers in Quartz's JDBC store match {@code parity.schedules}, just before the scheduler
 * starts (only when it starts: one-shot commands never change schedules).
 *
 * <ul>
 * <li>A schedule whose trigger already has the same cron and time zone is left alone, so a restart
 * resumes it (its next fire time and any misfire survive).</li>
 * <li>A new or changed cron (re)schedules the trigger; a schedule removed from parity.yml has its job
 * and trigger deleted.</li>
 * <li>A schedule for a job this version does not have (e.g. {@code checksum} before it lands) is a
 * <b>warning</b>, not an error: the other schedules run, and the line says which. Its trigger is not
 * created (an old one is removed).</li>
 * </ul>
 * Every node of a cluster does this on start; the result is the same whichever runs it.
 */
public class ScheduleSynchronizer implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ScheduleSynchronizer.class);

	private final Scheduler scheduler;

	private final ParityConfig config;

	private final JobLocator jobs;

	private final boolean enabled;

	private volatile boolean running;

	private volatile List<String> report = List.of();

	ScheduleSynchronizer(Scheduler scheduler, ParityConfig config, JobLocator jobs, boolean enabled) {
		this.scheduler = scheduler;
		this.config = config;
		this.jobs = jobs;
		this.enabled = enabled;
	}

	/**
	 * Synchronises now.
	 * @return one line per change or warning, e.g. {@code parity.schedules.counts: scheduled "0 0 * * * ?" (UTC)}
	 */
	public List<String> synchronize() {
		List<String> lines = new ArrayList<>();
		try {
			Map<String, String> wanted = config.schedules();
			for (Map.Entry<String, String> schedule : wanted.entrySet()) {
				String name = schedule.getKey();
				String path = "parity.schedules." + name;
				if (jobs.find(name).isEmpty()) {
					scheduler.deleteJob(ScheduleKeys.job(name));
					lines.add("warning: " + path + ": the " + name + " job is not available in this version; not scheduled");
					continue;
				}
				Trigger stored = scheduler.getTrigger(ScheduleKeys.trigger(name));
				if (stored != null && ScheduleTriggers.matches(stored, schedule.getValue(), config.zone())) {
					continue;
				}
				// A paused schedule stays paused when its cron changes: the pause is an operator's decision.
				boolean paused = stored != null
						&& scheduler.getTriggerState(stored.getKey()) == org.quartz.Trigger.TriggerState.PAUSED;
				scheduler.scheduleJob(ScheduleTriggers.job(name),
						Set.of(ScheduleTriggers.trigger(name, schedule.getValue(), config.zone())), true);
				if (paused) {
					scheduler.pauseTrigger(ScheduleKeys.trigger(name));
				}
				lines.add(path + ": " + (stored == null ? "scheduled" : "changed to") + " \"" + schedule.getValue()
						+ "\" (" + config.timeZone() + ")" + (paused ? "; still paused" : ""));
			}
			for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(ScheduleKeys.GROUP))) {
				if (!wanted.containsKey(key.getName())) {
					scheduler.deleteJob(ScheduleKeys.job(key.getName()));
					lines.add("parity.schedules." + key.getName() + ": removed (no longer in the configuration)");
				}
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("the schedules could not be stored in the control database: "
					+ ex.getMessage(), ex);
		}
		lines.forEach(logger::info);
		report = List.copyOf(lines);
		return report;
	}

	/**
	 * Pauses the trigger of schedule {@code name}: it does not fire until resumed (across restarts, and
	 * when its cron changes: the new trigger is paused too).
	 * @return false when the schedule has no trigger (not configured, not started, or its job is missing)
	 */
	public boolean pause(String name) {
		return change(name, true);
	}

	/**
	 * Resumes the trigger of schedule {@code name}. A firing missed while paused follows the misfire
	 * rule: it fires once, at once, then continues on its cron.
	 * @return false when the schedule has no trigger
	 */
	public boolean resume(String name) {
		return change(name, false);
	}

	private boolean change(String name, boolean pause) {
		try {
			if (!config.schedules().containsKey(name) || scheduler.getTrigger(ScheduleKeys.trigger(name)) == null) {
				return false;
			}
			if (pause) {
				scheduler.pauseTrigger(ScheduleKeys.trigger(name));
			}
			else {
				scheduler.resumeTrigger(ScheduleKeys.trigger(name));
			}
			return true;
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("the schedule " + name + " could not be changed in the control database: "
					+ ex.getMessage(), ex);
		}
	}

	/** The lines of the last synchronisation (empty before the first). */
	public List<String> report() {
		return report;
	}

	@Override
	public void start() {
		synchronize();
		running = true;
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public boolean isAutoStartup() {
		return enabled;
	}

	// Just before the SchedulerFactoryBean (DEFAULT_PHASE) starts the scheduler.
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1;
	}

}
