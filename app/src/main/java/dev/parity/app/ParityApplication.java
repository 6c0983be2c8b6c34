package dev.parity.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import dev.parity.app.cli.ParityCli;

/**
 * The Parity application: the CLI parses the command and the configuration first, then starts
 * Spring with the validated {@link dev.parity.core.config.ParityConfig} as a bean.
 */
@SpringBootApplication(scanBasePackages = "dev.parity")
public class ParityApplication {

	public static void main(String[] args) {
		System.setProperty("org.jooq.no-logo", "true");
		System.setProperty("org.jooq.no-tips", "true");
		System.setProperty("java.awt.headless", "true");
		int code = ParityCli.run(args);
		if (Boolean.getBoolean("parity.heap-report")) {
			// For benchmarks: the sum of the heap pools' peak usage over the whole run.
			long peak = java.lang.management.ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter((pool) -> pool.getType() == java.lang.management.MemoryType.HEAP)
				.mapToLong((pool) -> pool.getPeakUsage().getUsed())
				.sum();
			System.err.println("peak_heap_mb=" + peak / (1024 * 1024));
		}
		System.exit(code);
	}

}
