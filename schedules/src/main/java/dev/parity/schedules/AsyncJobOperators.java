package dev.parity.schedules;

import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.JobOperatorFactoryBean;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationContext;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@link JobOperator}s that create the execution before returning and run the job on a thread of its
 * own: a Quartz firing releases its thread at once, and a console launch answers the browser while
 * the job runs. Not beans: the application's synchronous JobOperator (the CLI's) stays the only one.
 */
public final class AsyncJobOperators {

	private AsyncJobOperators() {
	}

	/**
	 * An asynchronous operator whose job threads are named {@code threadPrefix} + a number.
	 * @param registry the job registry, or null (jobs are then passed as objects, not looked up by name)
	 */
	public static JobOperator create(String threadPrefix, JobRepository repository, JobRegistry registry,
			PlatformTransactionManager transactionManager, ApplicationContext context) {
		JobOperatorFactoryBean factory = new JobOperatorFactoryBean();
		factory.setJobRepository(repository);
		if (registry != null) {
			factory.setJobRegistry(registry);
		}
		factory.setTransactionManager(transactionManager);
		factory.setTaskExecutor(new SimpleAsyncTaskExecutor(threadPrefix));
		factory.setApplicationContext(context);
		try {
			factory.afterPropertiesSet();
			return factory.getObject();
		}
		catch (Exception ex) {
			throw new IllegalStateException("the job operator could not be created: " + ex.getMessage(), ex);
		}
	}

}
