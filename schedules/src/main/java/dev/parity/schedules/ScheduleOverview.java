package dev.parity.schedules;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.quartz.CronExpression;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.Trigger.TriggerState;

import dev.parity.core.config.ParityConfig;

/**
 * Lists the schedules of {@code parity.yml} with their state and next fire time, read from Quartz's
 * JDBC store. Works on a scheduler that was never started (one-shot commands such as {@code status}),
 * since the store is the control database.
 */
public class ScheduleOverview {

	private final Scheduler scheduler;

	private final ParityConfig config;

	private final JobLocator jobs;

	private final Clock clock;

	ScheduleOverview(Scheduler scheduler, ParityConfig config, JobLocator jobs, Clock clock) {
		this.scheduler = scheduler;
		this.config = config;
		this.jobs = jobs;
		this.clock = clock;
	}

	/** One entry per configured schedule, in the order of parity.yml. */
	public List<ScheduleEntry> list() {
		List<ScheduleEntry> entries = new ArrayList<>();
		for (Map.Entry<String, String> schedule : config.schedules().entrySet()) {
			entries.add(entry(schedule.getKey(), schedule.getValue()));
		}
		return entries;
	}

	private ScheduleEntry entry(String name, String cron) {
		String zone = config.timeZone();
		if (jobs.find(name).isEmpty()) {
			return new ScheduleEntry(name, cron, zone, "NOT AVAILABLE", null);
		}
		try {
			Trigger stored = scheduler.getTrigger(ScheduleKeys.trigger(name));
			if (stored == null) {
				return new ScheduleEntry(name, cron, zone, "NOT STARTED", nextByCron(name, cron));
			}
			Instant next = stored.getNextFireTime() == null ? null : stored.getNextFireTime().toInstant();
			if (!ScheduleTriggers.matches(stored, cron, config.zone())) {
				return new ScheduleEntry(name, cron, zone, "CHANGED", next);
			}
			TriggerState state = scheduler.getTriggerState(stored.getKey());
			return new ScheduleEntry(name, cron, zone, describe(state), next);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("the schedules could not be read from the control database: "
					+ ex.getMessage(), ex);
		}
	}

	private static String describe(TriggerState state) {
		return switch (state) {
			case NORMAL -> "SCHEDULED";
			case BLOCKED -> "RUNNING";
			case COMPLETE, NONE -> "FINISHED";
			default -> state.name();
		};
	}

	private Instant nextByCron(String name, String cron) {
		try {
			CronExpression expression = new CronExpression(cron);
			expression.setTimeZone(TimeZone.getTimeZone(config.zone()));
			Date next = expression.getNextValidTimeAfter(Date.from(clock.instant()));
			return next == null ? null : next.toInstant();
		}
		catch (ParseException ex) {
			throw new IllegalStateException("parity.schedules." + name + " is not a cron expression", ex);
		}
	}

}
