package dev.parity.schedules;

import java.time.ZoneId;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * The Quartz job and trigger of one schedule. Misfire policy: {@code FIRE_ONCE_NOW} ("fire and
 * proceed") — after downtime longer than Quartz's misfire threshold, the schedule fires once at once
 * and then continues on its cron; missed firings are never replayed one by one.
 */
final class ScheduleTriggers {

	private ScheduleTriggers() {
	}

	static JobDetail job(String shortName) {
		return JobBuilder.newJob(BatchJobLauncherQuartzJob.class)
			.withIdentity(ScheduleKeys.job(shortName))
			.withDescription("starts " + JobLocator.beanName(shortName))
			.usingJobData(ScheduleKeys.JOB, shortName)
			.storeDurably()
			.build();
	}

	static CronTrigger trigger(String shortName, String cron, ZoneId zone) {
		return TriggerBuilder.newTrigger()
			.withIdentity(ScheduleKeys.trigger(shortName))
			.forJob(ScheduleKeys.job(shortName))
			.withDescription("parity.schedules." + shortName)
			.withSchedule(CronScheduleBuilder.cronSchedule(cron)
				.inTimeZone(TimeZone.getTimeZone(zone))
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
	}

	/** Whether a stored trigger already fires as configured (then it is left alone, keeping its state). */
	static boolean matches(Trigger stored, String cron, ZoneId zone) {
		return stored instanceof CronTrigger cronTrigger && cronTrigger.getCronExpression().equals(cron)
				&& cronTrigger.getTimeZone().getID().equals(TimeZone.getTimeZone(zone).getID())
				&& cronTrigger.getMisfireInstruction() == CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW;
	}

}
