package dev.parity.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Creates the demo's embedded databases under one folder: a source (H2 in MySQL mode) and a target
 * (H2 in PostgreSQL mode) with a small shop schema and planted discrepancies, and a
 * {@code parity.yml} pointing at them. The seeding uses its own connections and closes them before
 * Parity opens the source read-only. Re-running starts clean.
 */
public final class DemoDatabases {

	private static final String MARKER = ".parity-demo";

	private DemoDatabases() {
	}

	/** Creates everything and returns the path of the demo's {@code parity.yml}. */
	public static Path create(Path dir) {
		Path folder = dir.toAbsolutePath().normalize();
		clean(folder);
		try {
			Files.createDirectories(folder);
			Files.writeString(folder.resolve(MARKER), "created by ./parity demo; deleted when the demo runs again\n");
			// One clock for both databases: replicated rows carry the same timestamps on both sides.
			String now = java.time.LocalDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ');
			seed("jdbc:h2:file:" + folder.resolve("source") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE", "demo/source.sql", now);
			seed("jdbc:h2:file:" + folder.resolve("target")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "demo/target.sql", now);
			Path config = folder.resolve("parity.yml");
			Files.writeString(config, resource("demo/parity.yml").replace("${DIR}", folder.toString()));
			return config;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the demo in " + folder + ": " + ex.getMessage(), ex);
		}
	}

	/** Deletes a previous demo; refuses to touch a non-empty folder that is not one. */
	private static void clean(Path folder) {
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (Stream<Path> entries = Files.list(folder)) {
			boolean empty = entries.findAny().isEmpty();
			if (!empty && !Files.exists(folder.resolve(MARKER))) {
				throw new IllegalArgumentException("--dir " + folder
						+ " is not empty and was not created by ./parity demo; choose another folder");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try (Stream<Path> walk = Files.walk(folder)) {
			walk.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void seed(String url, String script, String now) {
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement()) {
			for (String sql : resource(script).replace("${NOW}", now).split(";\\s*\\n")) {
				String stripped = sql.lines().filter((l) -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).trim();
				if (!stripped.isEmpty()) {
					statement.execute(stripped);
				}
			}
			statement.execute("SHUTDOWN");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("demo data " + script + " failed: " + ex.getMessage(), ex);
		}
	}

	private static String resource(String name) {
		try (InputStream in = DemoDatabases.class.getClassLoader().getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
