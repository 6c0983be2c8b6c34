import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/**
 * The floor of bench/reconcile: the same net changes the reconcile makes, written to a copy of the
 * planted target table with plain JDBC prepared batches (values computed here, no reads), one commit
 * per batch. Usage: java Floor.java URL USER TABLE N BATCH. Prints: floor writes=W seconds=S
 */
public class Floor {

	public static void main(String[] args) throws Exception {
		String url = args[0], user = args[1], table = args[2];
		long n = Long.parseLong(args[3]);
		int batch = Integer.parseInt(args[4]);
		String password = System.getenv().getOrDefault("FLOOR_PASSWORD", "");
		try (Connection c = DriverManager.getConnection(url, user, password)) {
			c.setAutoCommit(false);
			long start = System.nanoTime();
			long writes = 0;
			try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table
					+ " (id, c_int, c_code, c_decimal, c_ts) VALUES (?, ?, ?, ?, ?)");
					PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET c_code = ? WHERE id = ?");
					PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
				int pending = 0;
				for (long id = 1; id <= n; id++) {
					switch ((int) (id % 20)) {
						case 0 -> { // missing: insert
							bindRow(insert, id);
							insert.addBatch();
						}
						case 5 -> { // field mismatch: update
							update.setString(1, "code-" + id);
							update.setLong(2, id);
							update.addBatch();
						}
						case 10 -> { // duplicate: delete both copies, insert one
							delete.setLong(1, id);
							delete.addBatch();
							bindRow(insert, id);
							insert.addBatch();
							writes++;
						}
						case 15 -> { // extra: delete
							delete.setLong(1, n + id);
							delete.addBatch();
						}
						default -> {
							continue;
						}
					}
					writes++;
					if (++pending == batch) {
						flush(c, delete, insert, update);
						pending = 0;
					}
				}
				flush(c, delete, insert, update);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf(java.util.Locale.ROOT, "floor writes=%d seconds=%.2f%n", writes, seconds);
		}
	}

	static void bindRow(PreparedStatement insert, long id) throws Exception {
		insert.setLong(1, id);
		insert.setInt(2, (int) ((id * 7919) % 1000003));
		insert.setString(3, "code-" + id);
		insert.setBigDecimal(4, BigDecimal.valueOf(id % 100000, 2));
		insert.setTimestamp(5, Timestamp.valueOf(LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(id)));
	}

	static void flush(Connection c, PreparedStatement... statements) throws Exception {
		for (PreparedStatement s : statements) {
			s.executeBatch();
		}
		c.commit();
	}

}
