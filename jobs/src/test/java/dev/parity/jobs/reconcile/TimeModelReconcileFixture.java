package dev.parity.jobs.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.parity.core.repository.Discrepancy;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyStatus;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;

/**
 * The time model end to end, on real MariaDB and PostgreSQL, in one direction per subclass: the diff
 * finds exactly the planted differences among values that a zone-dependent or Julian-calendar read
 * would merge (instants an hour apart in an autumn overlap, naive date-times in a spring-forward gap,
 * dates before 1582-10-15, before 1970 with microseconds, after 2038, a UUID in upper case), reconcile
 * repairs them, and an independent comparison (epoch seconds and formatted text, in SQL written here)
 * shows the target equal to the source row for row; a fix the target changes as it writes it (a
 * trigger) or refuses is FAILED with its reason, and that row is left as it was. The suites run again
 * with the servers' and the JVM's zones set to zones with daylight saving time (see the jobs pom).
 */
abstract class TimeModelReconcileFixture {

	static TestSchema source;

	static TestSchema target;

	@Autowired
	JobOperatorTestUtils jobs;

	@Autowired
	Job diffJob;

	@Autowired
	Job reconcileJob;

	@Autowired
	DiscrepancyRepository discrepancies;

	@Autowired
	JdbcTemplate control;

	/** Source and target rows: id, instant (UTC), gap (Berlin), gap (New York), pre-1970, post-2038, date, uuid. */
	static final String[][] SOURCE_ROWS = {
			{ "1", "2026-10-25 00:30:00.123456", "2026-03-29 02:30:00", "2026-03-08 02:30:00.25", "1969-12-31 23:59:59.999999",
					"2040-06-30 12:00:00.000001", "1582-10-10", "6F1C2A3E-0B4D-4C8E-9F10-1A2B3C4D5E6F" },
			{ "2", "2026-11-01 05:30:00.5", "2026-03-29 02:00:00.000001", "2026-03-08 02:59:59.999999", "1900-01-01 00:00:00",
					"2100-02-28 23:59:59.999999", "0999-03-01", "A0000000-0000-4000-8000-00000000000B" },
			{ "3", "2026-03-29 01:30:00", "2026-10-25 02:30:00", "2026-11-01 01:30:00", "1970-01-01 00:00:00",
					"2038-01-19 03:14:08", "1582-10-04", "b0000000-0000-4000-8000-00000000000c" },
			{ "4", "2026-01-15 12:00:00", "2026-01-15 12:00:00", "2026-01-15 12:00:00", "1950-06-01 00:00:00.5",
					"2050-01-01 00:00:00", "2026-01-15", "c0000000-0000-4000-8000-00000000000d" } };

	/** Row 1 missing; row 2 each value on the neighbour a lossy read merges it with; row 3 the instant; row 5 extra. */
	static final String[][] TARGET_ROWS = { { "2", "2026-11-01 06:30:00.5", "2026-03-29 03:00:00.000001",
			"2026-03-08 03:59:59.999999", "1900-01-01 00:00:01", "2100-02-28 23:59:59.999998", "0999-02-28",
			"A0000000-0000-4000-8000-00000000000C" },
			{ "3", "2026-03-29 02:30:00", "2026-10-25 02:30:00", "2026-11-01 01:30:00", "1970-01-01 00:00:00",
					"2038-01-19 03:14:08", "1582-10-04", "b0000000-0000-4000-8000-00000000000c" },
			SOURCE_ROWS[3],
			{ "5", "2026-02-01 00:00:00", "2026-02-01 00:00:00", "2026-02-01 00:00:00", "1960-01-01 00:00:00",
					"2060-01-01 00:00:00", "1400-01-01", "d0000000-0000-4000-8000-00000000000e" } };

	static final String COLUMNS = "id INT PRIMARY KEY, c_instant %s, c_gap_eu %s, c_gap_us %s, c_pre1970 %s,"
			+ " c_post2038 %s, c_old_date DATE, c_uuid %s";

	static String create(TestDatabases engine) {
		return "CREATE TABLE moments (" + (engine == TestDatabases.MARIADB
				? COLUMNS.formatted("TIMESTAMP(6) NULL", "DATETIME(6)", "DATETIME(6)", "DATETIME(6)", "DATETIME(6)", "CHAR(36)")
				: COLUMNS.formatted("TIMESTAMPTZ(6)", "TIMESTAMP(6)", "TIMESTAMP(6)", "TIMESTAMP(6)", "TIMESTAMP(6)", "UUID")) + ")";
	}

	static String insert(TestDatabases engine, String[]... rows) {
		return "INSERT INTO moments VALUES " + java.util.Arrays.stream(rows).map((r) -> "(" + r[0] + ", "
				+ (engine == TestDatabases.MARIADB ? "'" + r[1] + "'" : "TIMESTAMPTZ '" + r[1] + "+00'") + ", '" + r[2] + "', '"
				+ r[3] + "', '" + r[4] + "', '" + r[5] + "', DATE '" + r[6] + "', '" + r[7] + "')")
			.collect(Collectors.joining(", "));
	}

	/** Independent of Parity: epoch seconds of the instant, text of the rest, lower-case UUIDs, by id. */
	static List<String> independent(TestSchema schema) {
		String sql = schema.server() == TestDatabases.MARIADB
				? "SELECT id, UNIX_TIMESTAMP(c_instant), DATE_FORMAT(c_gap_eu, '%Y-%m-%d %H:%i:%s.%f'),"
						+ " DATE_FORMAT(c_gap_us, '%Y-%m-%d %H:%i:%s.%f'), DATE_FORMAT(c_pre1970, '%Y-%m-%d %H:%i:%s.%f'),"
						+ " DATE_FORMAT(c_post2038, '%Y-%m-%d %H:%i:%s.%f'), DATE_FORMAT(c_old_date, '%Y-%m-%d'), LOWER(c_uuid)"
						+ " FROM moments ORDER BY id"
				: "SELECT id, EXTRACT(EPOCH FROM c_instant), to_char(c_gap_eu, 'YYYY-MM-DD HH24:MI:SS.US'),"
						+ " to_char(c_gap_us, 'YYYY-MM-DD HH24:MI:SS.US'), to_char(c_pre1970, 'YYYY-MM-DD HH24:MI:SS.US'),"
						+ " to_char(c_post2038, 'YYYY-MM-DD HH24:MI:SS.US'), to_char(c_old_date, 'YYYY-MM-DD'), CAST(c_uuid AS text)"
						+ " FROM moments ORDER BY id";
		return schema.queryRows(sql);
	}

	/** The table the target changes as it writes (a trigger), or cannot hold: its setup per direction. */
	abstract void plantRefusedFix();

	/** What the refused fix's reason says. */
	abstract String refusalReason();

	@AfterAll
	static void dropSchemas() {
		source.close();
		target.close();
	}

	@Test
	void differencesALossyReadWouldMergeAreFoundAndRepairedExactly() throws Exception {
		// given: the planted rows, and a fix the target will not hold
		source.execute(create(source.server()), insert(source.server(), SOURCE_ROWS));
		target.execute(create(target.server()), insert(target.server(), TARGET_ROWS));
		plantRefusedFix();

		// when the diff runs: exactly the planted differences, every column of row 2
		jobs.setJob(diffJob);
		assertThat(jobs.startJob(dev.parity.jobs.JobTestSupport.launch()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<String> found = discrepancies.find(DiscrepancyStatus.OPEN)
			.stream()
			.filter((d) -> d.table().equals("moments"))
			.map((d) -> d.type() + " " + d.key().get("id") + (d.column() == null ? "" : " " + d.column().toLowerCase()))
			.sorted()
			.toList();
		assertThat(found).containsExactly("EXTRA_IN_TARGET 5", "FIELD_MISMATCH 2 c_gap_eu", "FIELD_MISMATCH 2 c_gap_us",
				"FIELD_MISMATCH 2 c_instant", "FIELD_MISMATCH 2 c_old_date", "FIELD_MISMATCH 2 c_post2038",
				"FIELD_MISMATCH 2 c_pre1970", "FIELD_MISMATCH 2 c_uuid", "FIELD_MISMATCH 3 c_instant",
				"MISSING_IN_TARGET 1");
		List<String> refusedBefore = target.queryRows("SELECT * FROM stamps ORDER BY id");

		// and reconcile runs
		jobs.setJob(reconcileJob);
		assertThat(jobs.startJob(dev.parity.jobs.JobTestSupport.launch()).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// then: the target equals the source, row for row, by an independent comparison
		assertThat(independent(target)).containsExactlyElementsOf(independent(source)).hasSize(4);
		assertThat(discrepancies.find(DiscrepancyStatus.OPEN)).isEmpty();
		// and the fix the target would not hold was not made: FAILED with why, the row left as it was
		List<Discrepancy> failed = discrepancies.find(DiscrepancyStatus.FAILED);
		assertThat(failed).singleElement().satisfies((d) -> {
			assertThat(d.table()).isEqualTo("stamps");
			assertThat(d.detail()).contains(refusalReason());
		});
		assertThat(target.queryRows("SELECT * FROM stamps ORDER BY id")).isEqualTo(refusedBefore);
		assertThat(control.queryForObject("SELECT COUNT(*) FROM parity_audit WHERE action = 'fix-failed'"
				+ " AND detail LIKE ?", Integer.class, "%" + refusalReason() + "%")).isEqualTo(1);

		// and a second diff finds nothing left in the repaired table
		jobs.setJob(diffJob);
		assertThat(jobs.startJob(dev.parity.jobs.JobTestSupport.launch()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(discrepancies.find(DiscrepancyStatus.OPEN).stream().map(Discrepancy::table))
			.doesNotContain("moments");
	}

}
