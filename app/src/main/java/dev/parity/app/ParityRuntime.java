package dev.parity.app;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parity.app.security.SecurityConfiguration;
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
			.run(Diagnostics.quietLogging(true));
	}

	public static ConfigurableApplicationContext start(ParityConfig config) {
		return start(config, Map.of());
	}

	/**
	 * Starts Parity as a server ({@code ./parity serve}): the web server on {@code address:port} (port 0:
	 * any free one) with the console, the REST API and Actuator health, and Quartz started with the
	 * schedules of parity.yml. {@code insecureLocal}: no login (the caller binds 127.0.0.1 only).
	 */
	public static ConfigurableApplicationContext serve(ParityConfig config, String address, int port,
			boolean insecureLocal) {
		// Command-line arguments outrank application.properties, where Quartz is off for one-shot commands.
		return new SpringApplicationBuilder(ParityApplication.class).web(WebApplicationType.SERVLET)
			.initializers((context) -> context.getBeanFactory().registerSingleton("parityConfig", config))
			.logStartupInfo(false)
			.run(java.util.stream.Stream.concat(java.util.stream.Stream.of("--spring.quartz.auto-startup=true",
					"--server.address=" + address, "--server.port=" + port,
					"--" + SecurityConfiguration.INSECURE_LOCAL + "=" + insecureLocal), java.util.Arrays.stream(Diagnostics.quietLogging(false)))
				.toArray(String[]::new));
	}

}
