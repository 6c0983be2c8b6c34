package dev.parity.app.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;

import dev.parity.app.ParityApplication;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.ParityConfigLoader;

/**
 * The whole application (console, API, security, jobs, schedules not started) in a mock servlet
 * environment on {@link ConsoleFixture}'s installation; one cached context for every console test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = { ParityApplication.class, ConsoleTest.Config.class })
@AutoConfigureMockMvc
@interface ConsoleTest {

	@TestConfiguration(proxyBeanMethods = false)
	class Config {

		@Bean
		ParityConfig parityConfig() {
			return ParityConfigLoader.load(ConsoleFixture.config());
		}

	}

}
