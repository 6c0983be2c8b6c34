import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor of bench/diff: the least work any diff must do — stream both tables completely over JDBC,
 * in key order, both sides at once, reading every column of every row with getObject.
 *
 * <pre>
 * java -cp postgresql.jar:mariadb-java-client.jar Floor.java SOURCE_URL SOURCE_USER TARGET_URL TARGET_USER TABLE [FETCH_SIZE]
 * </pre>
 *
 * Passwords are read from FLOOR_SOURCE_PASSWORD / FLOOR_TARGET_PASSWORD (default empty). Prints one
 * line: {@code floor rows_source=… rows_target=… seconds=…} — the wall time from opening the
 * connections until both streams are exhausted (JVM start-up and source compilation not included).
 */
public class Floor {

	public static void main(String[] args) throws Exception {
		if (args.length < 5) {
			System.err.println("usage: Floor SOURCE_URL SOURCE_USER TARGET_URL TARGET_USER TABLE [FETCH_SIZE]");
			System.exit(2);
		}
		String table = args[4];
		int fetchSize = args.length > 5 ? Integer.parseInt(args[5]) : 5000;
		String sql = "SELECT * FROM " + table + " ORDER BY id";
		String sourcePassword = System.getenv().getOrDefault("FLOOR_SOURCE_PASSWORD", "");
		String targetPassword = System.getenv().getOrDefault("FLOOR_TARGET_PASSWORD", "");

		ExecutorService pool = Executors.newFixedThreadPool(2);
		long start = System.nanoTime();
		Future<long[]> source = pool.submit(() -> stream(args[0], args[1], sourcePassword, sql, fetchSize));
		Future<long[]> target = pool.submit(() -> stream(args[2], args[3], targetPassword, sql, fetchSize));
		long[] s = source.get();
		long[] t = target.get();
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		System.out.printf(Locale.ROOT, "floor rows_source=%d rows_target=%d source_seconds=%.2f target_seconds=%.2f seconds=%.3f%n",
				s[0], t[0], s[1] / 1e9, t[1] / 1e9, seconds);
	}

	/** Streams the query to the end; returns {rows, nanos}. The hash of the values keeps the JIT honest. */
	static long[] stream(String url, String user, String password, String sql, int fetchSize) throws Exception {
		long start = System.nanoTime();
		long rows = 0;
		long sink = 0;
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			// PostgreSQL only streams inside a transaction; harmless for MariaDB.
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
				statement.setFetchSize(fetchSize);
				try (ResultSet rs = statement.executeQuery(sql)) {
					int columns = rs.getMetaData().getColumnCount();
					while (rs.next()) {
						for (int i = 1; i <= columns; i++) {
							Object value = rs.getObject(i);
							if (value != null) {
								sink += value.hashCode();
							}
						}
						rows++;
					}
				}
			}
			connection.commit();
		}
		if (sink == 42) {
			System.err.print("");
		}
		return new long[] { rows, System.nanoTime() - start };
	}

}
