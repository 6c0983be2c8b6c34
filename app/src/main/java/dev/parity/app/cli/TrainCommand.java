package dev.parity.app.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.parity.app.JobRunner;
import dev.parity.app.ParityRuntime;
import dev.parity.core.config.ConnectionSettings;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.TableMapping;
import picocli.CommandLine.Command;

/**
 * A hidden command that {@code ./parity} runs once after each build to record its start-up cache (a
 * JDK 25 AOT cache, or a class-data-sharing archive before 25): it starts the application context and
 * runs a real {@code diffJob} over two in-memory H2 databases of 100,000 rows of ten types with a few
 * differences, so the cache holds the classes of the start-up and of a diff, and (AOT) the profiles of
 * the comparison's hot methods, which the JIT then compiles sooner. Nothing outside the process is
 * touched; the control database is in memory too.
 */
@Command(name = "cds-training", hidden = true, description = "Trains ./parity's start-up cache on an in-memory diff.")
class TrainCommand implements Callable<Integer> {

	static final int ROWS = 100_000;

	@Override
	public Integer call() throws Exception {
		ConnectionSettings source = side("source", "");
		ConnectionSettings target = side("target", "UPDATE t SET c_text = 'changed' WHERE id % 20000 = 7");
		ParityConfig config = new ParityConfig("cds training", source, target,
				new ConnectionSettings("jdbc:h2:mem:cds-training-control;DB_CLOSE_DELAY=-1", "sa", "", 4), null,
				List.of(new TableMapping("t", "t", "t", null, null, false, null, null)), null);
		try (ConfigurableApplicationContext context = ParityRuntime.start(config)) {
			context.getBean(JobRunner.class).run("diffJob", List.of(), "cds-training");
			return ExitCodes.OK;
		}
	}

	private static ConnectionSettings side(String name, String change) throws SQLException {
		String url = "jdbc:h2:mem:cds-training-" + name + ";DB_CLOSE_DELAY=-1";
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, c_int INT, c_bigint BIGINT, c_decimal DECIMAL(12,2),"
					+ " c_code VARCHAR(40), c_text VARCHAR(100), c_date DATE, c_ts TIMESTAMP(6), c_flag BOOLEAN,"
					+ " c_double DOUBLE PRECISION, c_char CHAR(10))");
			statement.execute("INSERT INTO t SELECT X, MOD(X * 7919, 1000003), X * 1000003, MOD(X * 37, 10000000) / 100.0,"
					+ " 'code-' || X, CASEWHEN(MOD(X, 17) = 0, NULL, 'café ' || X), DATE '2000-01-01' + MOD(X, 9000),"
					+ " TIMESTAMP '2020-01-01 00:00:00' + X * INTERVAL '1' SECOND, MOD(X, 3) = 0, MOD(X * 7, 1000003) / 64.0,"
					+ " 'C' || MOD(X, 100000) FROM SYSTEM_RANGE(1, " + ROWS + ")");
			if (!change.isEmpty()) {
				statement.execute(change);
			}
		}
		return new ConnectionSettings(url, "sa", "", 4);
	}

}
