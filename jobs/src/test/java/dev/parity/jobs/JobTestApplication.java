package dev.parity.jobs;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

import dev.parity.core.ParityCoreConfiguration;

/** The jobs module's Spring Boot test application; each test class supplies its ParityConfig bean. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "dev.parity.jobs", excludeFilters = @ComponentScan.Filter(
		type = org.springframework.context.annotation.FilterType.REGEX, pattern = ".*Tests.*"))
@Import(ParityCoreConfiguration.class)
public class JobTestApplication {

}
