package dev.parity.app.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import dev.parity.app.demo.DemoDatabases;

/**
 * The console tests' installation, made once per JVM: the demo's embedded source and target (the
 * console tests check pages, roles and the API, not engines; the end-to-end test uses MariaDB and
 * PostgreSQL), an empty H2 control database, a counts schedule, a report directory, and four users
 * whose password is {@value #PASSWORD}: {@code victor} (viewer), {@code olivia} (operator), {@code ann}
 * (approver), {@code root} (operator and approver).
 */
final class ConsoleFixture {

	static final String PASSWORD = "secret";

	private static Path config;

	private ConsoleFixture() {
	}

	/** The installation's folder (holding {@code demo/} and {@code reports/}). */
	static Path dir() {
		return config().getParent().getParent();
	}

	static synchronized Path config() {
		if (config == null) {
			try {
				Path dir = Files.createTempDirectory("parity-console-");
				Path file = DemoDatabases.create(dir.resolve("demo"));
				String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
				Files.writeString(file, """
						  users:
						    - { name: victor, password: "%1$s" }
						    - { name: olivia, password: "%1$s", roles: [operator] }
						    - { name: ann, password: "%1$s", roles: [approver] }
						    - { name: root, password: "%1$s", roles: [operator, approver] }
						  schedules:
						    counts: "0 0 * * * ?"
						  report: { directory: "%2$s" }
						""".formatted(hash, dir.resolve("reports").toString().replace('\\', '/')), StandardOpenOption.APPEND);
				config = file;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return config;
	}

}
