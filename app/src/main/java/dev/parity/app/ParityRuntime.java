package dev.parity.app;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parity.core.config.ParityConfig;

/**
 * Starts the Spring side of Parity for one command, with the validated configuration as a bean. One
 * shot commands run without a web server and without starting Quartz.
 */
public final class ParityRuntime {

	private ParityRuntime() {
	}

	public static ConfigurableApplicationContext start(ParityConfig config, Map<String, Object> properties) {
		Map<String, Object> defaults = new HashMap<>(properties);
		return new SpringApplicationBuilder(ParityApplication.class).web(WebApplicationType.NONE)
			.properties(defaults)
			.initializers((context) -> context.getBeanFactory().registerSingleton("parityConfig", config))
			.logStartupInfo(false)
			.run();
	}

	public static ConfigurableApplicationContext start(ParityConfig config) {
		return start(config, Map.of());
	}

}
