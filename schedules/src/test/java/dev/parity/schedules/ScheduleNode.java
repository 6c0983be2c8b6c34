package dev.parity.schedules;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parity.core.config.ConnectionSettings;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.TableMapping;
import dev.parity.core.testsupport.TestSchema;

/**
 * One {@code serve}-like Parity process in this JVM: its own Spring context with a started, clustered
 * Quartz scheduler on the given control schema. Test intervals: check-in every second, misfire
 * threshold two seconds.
 */
final class ScheduleNode implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private ScheduleNode(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static ScheduleNode start(TestSchema control, String instanceId, Map<String, String> schedules) {
		return start(control, instanceId, schedules, true);
	}

	static ScheduleNode start(TestSchema control, String instanceId, Map<String, String> schedules, boolean autoStartup) {
		ConnectionSettings unused = new ConnectionSettings("jdbc:h2:mem:unused", "sa", "", 1);
		ParityConfig config = new ParityConfig("schedules test", unused, unused, control.settings(), Duration.ofMinutes(5),
				List.of(new TableMapping("t", "t", "t", List.of("id"), null, false, null, null)), null, null, null, null, null,
				schedules, "UTC", null);
		String quartz = "spring.quartz.properties.org.quartz.";
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ScheduleTestApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off",
					"spring.flyway.locations=classpath:db/migration/common,classpath:db/migration/{vendor}",
					"spring.batch.jdbc.initialize-schema=never", "spring.batch.job.enabled=false",
					"spring.quartz.job-store-type=jdbc", "spring.quartz.jdbc.initialize-schema=never",
					"spring.quartz.auto-startup=" + autoStartup, quartz + "scheduler.instanceId=" + instanceId,
					quartz + "jobStore.clusterCheckinInterval=1000", quartz + "jobStore.misfireThreshold=2000",
					quartz + "scheduler.idleWaitTime=1000", "logging.level.root=WARN")
			.initializers((c) -> c.getBeanFactory().registerSingleton("parityConfig", config))
			.logStartupInfo(false)
			.run();
		return new ScheduleNode(context);
	}

	/**
	 * Stops firing, waits until no test job runs any more, then closes: a job must not outlive the
	 * context it runs in.
	 */
	void stop() {
		try {
			bean(org.quartz.Scheduler.class).standby();
		}
		catch (org.quartz.SchedulerException ex) {
			throw new IllegalStateException(ex);
		}
		org.springframework.batch.core.repository.JobRepository repository = bean(
				org.springframework.batch.core.repository.JobRepository.class);
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.until(() -> repository.findRunningJobExecutions("countsJob").isEmpty()
					&& repository.findRunningJobExecutions("diffJob").isEmpty());
		close();
	}

	<T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	@Override
	public void close() {
		context.close();
	}

}
