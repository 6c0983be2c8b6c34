package dev.parity.schedules;

import java.time.Clock;

import javax.sql.DataSource;

import org.quartz.Scheduler;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import dev.parity.core.config.ParityConfig;
import dev.parity.core.repository.AuditLog;

/**
 * The schedules: Quartz on the control database (see {@link QuartzSettings}), the trigger
 * synchronisation, the generic launcher and the overview. Needs the {@link ParityConfig} bean, Spring
 * Batch's {@link JobRepository} and Boot's Quartz auto-configuration with the JDBC job store.
 */
@Configuration(proxyBeanMethods = false)
public class ScheduleConfiguration {

	@Bean
	static SchedulerAfterDataSource schedulerAfterDataSource() {
		return new SchedulerAfterDataSource();
	}

	@Bean
	JobLocator scheduleJobLocator(ListableBeanFactory beans) {
		return new JobLocator(beans);
	}

	@Bean
	QuartzSettings parityQuartzSettings(ParityConfig config, QuartzProperties properties) {
		return new QuartzSettings(config, properties);
	}

	/** The one launch rule (run lock and conflicting jobs) for every launch path. */
	@Bean
	LaunchGate launchGate(JobRepository repository, dev.parity.core.repository.RunLocks locks, AuditLog audit,
			Clock clock) {
		return new LaunchGate(repository, locks, audit, clock);
	}

	@Bean
	ScheduledLaunches scheduledLaunches(JobLocator jobs, JobRepository repository,
			ObjectProvider<JobRegistry> registry, PlatformTransactionManager transactionManager, DataSource control,
			AuditLog audit, Clock clock, ApplicationContext context, LaunchGate launchGate) {
		return new ScheduledLaunches(jobs, repository,
				AsyncJobOperators.create("parity-schedule-", repository, registry.getIfAvailable(), transactionManager,
						context),
				new ClusterMembers(control), audit, clock, launchGate);
	}

	@Bean
	ScheduleSynchronizer scheduleSynchronizer(Scheduler scheduler, ParityConfig config, JobLocator jobs,
			QuartzProperties properties) {
		return new ScheduleSynchronizer(scheduler, config, jobs, properties.isAutoStartup());
	}

	@Bean
	ScheduleOverview scheduleOverview(Scheduler scheduler, ParityConfig config, JobLocator jobs, Clock clock) {
		return new ScheduleOverview(scheduler, config, jobs, clock);
	}

}
