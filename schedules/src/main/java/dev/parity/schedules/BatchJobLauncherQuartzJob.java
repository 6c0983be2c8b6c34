package dev.parity.schedules;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The one Quartz job of Parity: each firing of a schedule's trigger asks {@link ScheduledLaunches} to
 * start the Spring Batch job named in the JobDataMap ({@code job: counts}), with the scheduled fire
 * time as the identifying {@code launch} parameter.
 *
 * <p>{@link DisallowConcurrentExecution} serialises the check-then-launch of one schedule across the
 * whole cluster (the JDBC job store blocks the job's triggers while a firing is being handled), so two
 * firings can never both see "nothing running" and both launch. The batch job itself runs on
 * Parity's schedule executor, not on the Quartz thread.
 */
@DisallowConcurrentExecution
public class BatchJobLauncherQuartzJob extends QuartzJobBean {

	private final ScheduledLaunches launches;

	public BatchJobLauncherQuartzJob(ScheduledLaunches launches) {
		this.launches = launches;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		String job = context.getMergedJobDataMap().getString(ScheduleKeys.JOB);
		String node;
		String schedulerName;
		try {
			node = context.getScheduler().getSchedulerInstanceId();
			schedulerName = context.getScheduler().getSchedulerName();
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("the Quartz scheduler cannot name itself", ex);
		}
		launches.fire(job, context.getScheduledFireTime().toInstant(), new Node(schedulerName, node));
	}

	/** The scheduler (cluster) name and this instance's id within it. */
	record Node(String schedulerName, String instanceId) {
	}

}
