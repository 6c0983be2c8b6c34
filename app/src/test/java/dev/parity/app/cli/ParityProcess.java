package dev.parity.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ./parity} as its own OS process on the test class path, as a user's shell does — so that
 * what third-party libraries log to stderr (Spring, Spring Batch, drivers, Hikari, jOOQ) is seen too,
 * which an in-process {@link CliRun} cannot capture.
 */
record ParityProcess(int exitCode, String out, String err) {

	static Process start(Path dir, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
				System.getProperty("java.class.path"), "-Djava.awt.headless=true", "dev.parity.app.ParityApplication"));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectOutput(dir.resolve("out.txt").toFile())
			.redirectError(dir.resolve("err.txt").toFile());
		builder.environment().remove("PARITY_DEBUG");
		return builder.start();
	}

	static ParityProcess finish(Process process, Path dir) throws Exception {
		if (!process.waitFor(300, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("parity did not finish within 300 s");
		}
		return new ParityProcess(process.exitValue(), Files.readString(dir.resolve("out.txt")),
				Files.readString(dir.resolve("err.txt")));
	}

	static ParityProcess run(Path dir, String... args) throws Exception {
		return finish(start(dir, args), dir);
	}

}
