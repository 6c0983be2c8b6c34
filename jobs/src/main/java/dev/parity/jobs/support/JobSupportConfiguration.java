package dev.parity.jobs.support;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parity.core.repository.RunRepository;

/** Beans shared by all Parity jobs. */
@Configuration(proxyBeanMethods = false)
public class JobSupportConfiguration {

	@Bean
	ParityRunListener parityRunListener(RunRepository runs, Clock clock) {
		return new ParityRunListener(runs, clock);
	}

	/** Threads for work that runs on both databases at once (one query per side). */
	@Bean(destroyMethod = "shutdown")
	ExecutorService sideExecutor() {
		return Executors.newCachedThreadPool(Thread.ofPlatform().name("parity-side-", 0).daemon(true).factory());
	}

}
