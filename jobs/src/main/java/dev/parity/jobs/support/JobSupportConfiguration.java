package dev.parity.jobs.support;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parity.core.mapping.Catalogs;
import dev.parity.core.repository.RunRepository;

/** Beans shared by all Parity jobs. */
@Configuration(proxyBeanMethods = false)
public class JobSupportConfiguration {

	@Bean
	ParityRunListener parityRunListener(RunRepository runs, dev.parity.core.repository.RunLocks locks,
			dev.parity.core.repository.DiffRepository diffs, Clock clock, Catalogs catalogs) {
		return new ParityRunListener(runs, locks, diffs, clock, catalogs);
	}

	/** The threads a partitioned step runs its partitions on: {@code threads} daemon threads named {@code prefix-N}. */
	public static org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor partitionExecutor(String prefix,
			int threads) {
		var executor = new org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor();
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setThreadNamePrefix(prefix);
		executor.setDaemon(true);
		return executor;
	}

	/** Threads for work that runs on both databases at once (one query per side). */
	@Bean(destroyMethod = "shutdown")
	ExecutorService sideExecutor() {
		return Executors.newCachedThreadPool(Thread.ofPlatform().name("parity-side-", 0).daemon(true).factory());
	}

}
