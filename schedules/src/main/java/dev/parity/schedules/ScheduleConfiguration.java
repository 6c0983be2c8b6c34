package dev.parity.schedules;

import java.time.Clock;

import javax.sql.DataSource;

import org.quartz.Scheduler;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.JobOperatorFactoryBean;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
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

	@Bean
	ScheduledLaunches scheduledLaunches(JobLocator jobs, JobRepository repository,
			ObjectProvider<JobRegistry> registry, PlatformTransactionManager transactionManager, DataSource control,
			AuditLog audit, Clock clock, ApplicationContext context) throws Exception {
		return new ScheduledLaunches(jobs, repository,
				scheduleOperator(repository, registry.getIfAvailable(), transactionManager, context),
				new ClusterMembers(control), audit, clock);
	}

	// A JobOperator of the schedules' own, not a bean (the application's JobOperator stays the only one):
	// it creates the execution before returning and runs the job on a thread of its own, so a firing
	// releases its Quartz thread and the next firing finds the execution running.
	static JobOperator scheduleOperator(JobRepository repository, JobRegistry registry,
			PlatformTransactionManager transactionManager, ApplicationContext context) throws Exception {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("parity-schedule-");
		JobOperatorFactoryBean factory = new JobOperatorFactoryBean();
		factory.setJobRepository(repository);
		if (registry != null) {
			factory.setJobRegistry(registry);
		}
		factory.setTransactionManager(transactionManager);
		factory.setTaskExecutor(executor);
		factory.setApplicationContext(context);
		factory.afterPropertiesSet();
		return factory.getObject();
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
