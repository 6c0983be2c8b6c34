package dev.parity.schedules;

import java.util.Map;
import java.util.Properties;

import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

import dev.parity.core.config.ParityConfig;

/**
 * Parity's Quartz settings, applied to Boot's {@link SchedulerFactoryBean}: scheduler name
 * {@code parity}, clustered JDBC job store ({@code isClustered=true}, {@code instanceId=AUTO}, check-in
 * every 7.5 s), the delegate for the control database's engine, misfire threshold 60 s. Any
 * {@code spring.quartz.properties.*} given to Spring wins (tests shorten the intervals that way).
 * The job store type, schema initialisation ({@code never}: Flyway creates the tables) and auto-startup
 * ({@code serve} only) are Spring properties set by the app.
 */
class QuartzSettings implements SchedulerFactoryBeanCustomizer {

	static final String SCHEDULER_NAME = "parity";

	private final ParityConfig config;

	private final QuartzProperties properties;

	QuartzSettings(ParityConfig config, QuartzProperties properties) {
		this.config = config;
		this.properties = properties;
	}

	@Override
	public void customize(SchedulerFactoryBean factory) {
		Properties quartz = new Properties();
		quartz.putAll(defaults(config.control().url()));
		quartz.putAll(properties.getProperties());
		factory.setQuartzProperties(quartz);
		if (properties.getSchedulerName() == null) {
			factory.setSchedulerName(SCHEDULER_NAME);
		}
	}

	static Map<String, String> defaults(String controlUrl) {
		String delegate = dev.parity.core.dialect.ComparisonDialects.forUrl(controlUrl).quartzDelegate();
		return Map.of("org.quartz.scheduler.instanceId", "AUTO", "org.quartz.jobStore.isClustered", "true",
				"org.quartz.jobStore.clusterCheckinInterval", "7500", "org.quartz.jobStore.misfireThreshold", "60000",
				"org.quartz.jobStore.driverDelegateClass", delegate, "org.quartz.threadPool.threadCount", "4",
				"org.quartz.jobStore.class", ParityJobStore.class.getName());
	}

}
