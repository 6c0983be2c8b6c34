package dev.parity.core.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.parity.core.connect.DatabaseConnector;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;

/**
 * The row estimate that sizes diff partitions comes from each engine's statistics, through the
 * read-only source access, on real MariaDB and PostgreSQL: close to the real count once statistics
 * exist, and "none" (-1, so the caller counts) before, never a wrong zero.
 */
@RequiresDatabase({ TestDatabases.POSTGRES, TestDatabases.MARIADB })
class EstimatedRowsIntegrationTests {

	@ParameterizedTest
	@EnumSource(TestDatabases.class)
	void theEstimateFollowsTheEnginesStatistics(TestDatabases server) {
		try (TestSchema schema = server.freshSchema()) {
			schema.execute("CREATE TABLE counted (id INT PRIMARY KEY, label VARCHAR(20))");
			try (SourceDatabase source = DatabaseConnector.source(schema.settings())) {
				Table<?> table = DSL.table(DSL.name(schema.name(), "counted"));
				if (server == TestDatabases.POSTGRES) {
					assertThat(source.dialect().estimatedRows(source.dsl(), table)).as("never analyzed").isEqualTo(-1);
				}
				schema.execute(server == TestDatabases.POSTGRES
						? "INSERT INTO counted (id, label) SELECT n, 'row' FROM generate_series(1, 20000) n"
						: "INSERT INTO counted (id, label) SELECT seq, 'row' FROM seq_1_to_20000",
						server == TestDatabases.POSTGRES ? "ANALYZE counted" : "ANALYZE TABLE counted");

				assertThat(source.dialect().estimatedRows(source.dsl(), table)).isBetween(15_000L, 25_000L);
				assertThat(source.dialect().estimatedRows(source.dsl(), DSL.table(DSL.name(schema.name(), "absent"))))
					.isEqualTo(-1);
			}
		}
	}

	@Test
	void h2HasNoEstimate() {
		assertThat(ComparisonDialects.forUrl("jdbc:h2:mem:x").estimatedRows(null, DSL.table("t"))).isEqualTo(-1);
	}

}
