import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor of bench/many-tables: the cheapest real way to touch every table once per step, both sides
 * at once (one thread and one connection each), over plain JDBC:
 * <ol>
 * <li>catalog — one {@code information_schema.columns} query for the whole schema (every table's columns);</li>
 * <li>count — {@code SELECT count(*) FROM t} per table;</li>
 * <li>read — {@code SELECT * FROM t ORDER BY id} per table, every column of every row with getObject.</li>
 * </ol>
 *
 * <pre>
 * java -cp postgresql.jar:mariadb-java-client.jar Floor.java SOURCE_URL SOURCE_USER SOURCE_SCHEMA TARGET_URL TARGET_USER TARGET_SCHEMA TABLES
 * </pre>
 *
 * Tables are {@code many_0001 … many_TABLES}. Passwords from FLOOR_SOURCE_PASSWORD / FLOOR_TARGET_PASSWORD.
 * Prints one line: {@code floor catalog_ms=… count_ms_per_table=… read_ms_per_table=… columns=… rows=…}
 * (wall times of both sides at once; connecting and JVM start-up not included).
 */
public class Floor {

	public static void main(String[] args) throws Exception {
		if (args.length < 7) {
			System.err.println("usage: Floor SOURCE_URL SOURCE_USER SOURCE_SCHEMA TARGET_URL TARGET_USER TARGET_SCHEMA TABLES");
			System.exit(2);
		}
		int tables = Integer.parseInt(args[6]);
		try (Connection source = DriverManager.getConnection(args[0], args[1], System.getenv().getOrDefault("FLOOR_SOURCE_PASSWORD", ""));
				Connection target = DriverManager.getConnection(args[3], args[4], System.getenv().getOrDefault("FLOOR_TARGET_PASSWORD", ""))) {
			ExecutorService pool = Executors.newFixedThreadPool(2);
			// warm both connections (driver classes, first round trip) so that they are not part of the floor
			for (int i = 0; i < 3; i++) {
				both(pool, () -> count(source, tables), () -> count(target, tables));
			}
			long[] catalog = both(pool, () -> catalog(source, args[2]), () -> catalog(target, args[5]));
			long[] counted = both(pool, () -> count(source, tables), () -> count(target, tables));
			long[] read = both(pool, () -> read(source, tables), () -> read(target, tables));
			pool.shutdown();
			System.out.printf(Locale.ROOT,
					"floor catalog_ms=%.1f count_ms_per_table=%.2f read_ms_per_table=%.2f columns=%d rows=%d%n",
					catalog[0] / 1e6, counted[0] / 1e6 / tables, read[0] / 1e6 / tables, catalog[1], read[1]);
		}
	}

	interface Work {
		long run() throws Exception;
	}

	/** Runs both sides at once; returns {wall nanos, the source's result}. */
	static long[] both(ExecutorService pool, Work sourceWork, Work targetWork) throws Exception {
		long start = System.nanoTime();
		Future<Long> s = pool.submit(sourceWork::run);
		Future<Long> t = pool.submit(targetWork::run);
		long result = s.get();
		t.get();
		return new long[] { System.nanoTime() - start, result };
	}

	static long catalog(Connection connection, String schema) throws Exception {
		long columns = 0;
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT table_name, column_name, data_type, ordinal_position FROM information_schema.columns WHERE table_schema = ?")) {
			statement.setString(1, schema);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					rs.getString(1);
					columns++;
				}
			}
		}
		return columns;
	}

	static long count(Connection connection, int tables) throws Exception {
		long rows = 0;
		try (Statement statement = connection.createStatement()) {
			for (int i = 1; i <= tables; i++) {
				try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + name(i))) {
					rs.next();
					rows += rs.getLong(1);
				}
			}
		}
		return rows;
	}

	static long read(Connection connection, int tables) throws Exception {
		long rows = 0;
		long sink = 0;
		try (Statement statement = connection.createStatement()) {
			for (int i = 1; i <= tables; i++) {
				try (ResultSet rs = statement.executeQuery("SELECT * FROM " + name(i) + " ORDER BY id")) {
					int columns = rs.getMetaData().getColumnCount();
					while (rs.next()) {
						for (int c = 1; c <= columns; c++) {
							Object value = rs.getObject(c);
							sink += value == null ? 0 : value.hashCode();
						}
						rows++;
					}
				}
			}
		}
		return sink == 42 ? rows + 0 : rows;
	}

	static String name(int i) {
		return String.format(Locale.ROOT, "many_%04d", i);
	}

}
