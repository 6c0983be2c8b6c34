package dev.parity.schedules;

import org.quartz.JobKey;
import org.quartz.TriggerKey;

/** Names Parity's schedules use in the Quartz job store: one job and one trigger per job short name. */
final class ScheduleKeys {

	/** The Quartz group of every Parity schedule; triggers in it that parity.yml does not name are removed. */
	static final String GROUP = "parity";

	/** JobDataMap key holding the job short name. */
	static final String JOB = "job";

	/** The non-identifying job parameter naming the Quartz scheduler instance that launched the execution. */
	static final String NODE = "schedule.node";

	/** The actor of the audit log entries written by schedules. */
	static final String ACTOR = "schedule";

	private ScheduleKeys() {
	}

	static JobKey job(String shortName) {
		return JobKey.jobKey(shortName, GROUP);
	}

	static TriggerKey trigger(String shortName) {
		return TriggerKey.triggerKey(shortName, GROUP);
	}

}
