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
		HeapReport heap = Boolean.getBoolean("parity.heap-report") ? HeapReport.start() : null;
		int code = ParityCli.run(args);
		if (heap != null) {
			heap.print();
		}
		System.exit(code);
	}

}
