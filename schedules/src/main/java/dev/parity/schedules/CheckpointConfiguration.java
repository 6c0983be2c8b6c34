package dev.parity.schedules;

import java.time.Clock;

import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import dev.parity.core.cutover.CheckpointLauncher;

/** The kill switch's checkpoint launcher (issue 11): needs Spring Batch only, not Quartz. */
@Configuration(proxyBeanMethods = false)
public class CheckpointConfiguration {

	@Bean
	CheckpointLauncher checkpointLauncher(ListableBeanFactory beans, JobRepository repository,
			ObjectProvider<JobRegistry> registry, PlatformTransactionManager transactionManager, Clock clock,
			ApplicationContext context, dev.parity.core.repository.RunLocks locks,
			dev.parity.core.repository.AuditLog audit) throws Exception {
		return new CheckpointJobLauncher(new JobLocator(beans),
				AsyncJobOperators.create("parity-checkpoint-", repository, registry.getIfAvailable(), transactionManager,
						context),
				clock, new LaunchGate(repository, locks, audit, clock));
	}

}
