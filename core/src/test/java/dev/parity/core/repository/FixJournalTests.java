package dev.parity.core.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.parity.core.repository.FixJournal.PendingFix;
import dev.parity.core.testsupport.MigratedControl;

/**
 * The reconcile journal on both supported control databases (H2 and real PostgreSQL): one intent
 * document per chunk before the target commit, journal and audit rows after it, and the settling of
 * what a crash left behind.
 */
class FixJournalTests {

	private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");

	private MigratedControl control;

	@AfterEach
	void close() {
		if (control != null) {
			control.close();
		}
	}

	private static List<FixEntry> chunk() {
		return List.of(
				new FixEntry("customers", Map.of("id", "1"), List.of(11L), "INSERT", "insert", FixStatus.INTENT, null,
						"[{\"id\":\"1\"}]", null, "missing in target"),
				new FixEntry("customers", Map.of("id", "2"), List.of(12L), "NONE", null, FixStatus.SELF_HEALED, null, null,
						null, "both sides agree"),
				new FixEntry("customers", Map.of("id", "3"), List.of(13L, 14L), "UPDATE", "update", FixStatus.INTENT,
						"[{\"id\":\"3\",\"email\":\"old\"}]", "[{\"id\":\"3\",\"email\":\"new\"}]", null, "field differs"));
	}

	private DSLContext dsl;

	private FixJournal journal;

	private long run;

	// A migrated control database on `engine` with one reconcile run.
	private void given(String engine) {
		control = MigratedControl.of(engine);
		dsl = control.dsl();
		journal = new FixJournal(dsl);
		run = new RunRepository(dsl).startOrResume("reconcileJob", 1, "test", null, AT);
	}

	private static int count(DSLContext dsl, String sql) {
		return ((Number) dsl.fetchValue(sql)).intValue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aChunkIsOneIntentUntilConfirmedThenJournalAndAuditRows(String engine) {
		given(engine);

		journal.begin(run, "c1", chunk(), "cli:test", AT);

		assertThat(count(dsl, "SELECT COUNT(*) FROM parity_fix_intent")).isOne();
		assertThat(count(dsl, "SELECT COUNT(*) FROM parity_fix")).as("only the decision that changes nothing").isOne();
		assertThat(journal.pending()).extracting(PendingFix::position, PendingFix::keyJson, PendingFix::discrepancyIds,
				PendingFix::before, PendingFix::after)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(0, "{\"id\":\"1\"}", List.of(11L), null, "[{\"id\":\"1\"}]"),
					org.assertj.core.groups.Tuple.tuple(2, "{\"id\":\"3\"}", List.of(13L, 14L),
							"[{\"id\":\"3\",\"email\":\"old\"}]", "[{\"id\":\"3\",\"email\":\"new\"}]"));

		journal.confirm(run, "c1", chunk(), Map.of(2, new FixJournal.Failure("check constraint", "update ...")),
				"cli:test", AT.plusSeconds(1));

		assertThat(journal.pending()).isEmpty();
		assertThat(journal.counts(run)).extracting(FixJournal.FixCount::status, FixJournal.FixCount::count)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(FixStatus.CONFIRMED, 1),
					org.assertj.core.groups.Tuple.tuple(FixStatus.SELF_HEALED, 1),
					org.assertj.core.groups.Tuple.tuple(FixStatus.FAILED, 1));
		assertThat(dsl.fetchValue("SELECT reason || ' | ' || sql_text FROM parity_fix WHERE status = 'FAILED'"))
			.isEqualTo("check constraint | update ...");
		assertThat(dsl.fetch("SELECT a.key_json, a.action, a.after_json, a.trigger_source FROM parity_audit a"
				+ " JOIN parity_fix f ON f.id = a.fix_id WHERE f.status = 'CONFIRMED'").map((r) -> r.intoList().toString()))
			.containsExactly("[{\"id\":\"1\"}, reconcile-insert, [{\"id\":\"1\"}], cli:test]");
		assertThat(count(dsl, "SELECT COUNT(*) FROM parity_audit WHERE action LIKE 'reconcile-%'"))
			.as("one audit row per applied change").isOne();
		// and one for the refused change, with its reason: nothing was changed
		assertThat(dsl.fetch("SELECT a.key_json, a.action, a.detail FROM parity_audit a JOIN parity_fix f"
				+ " ON f.id = a.fix_id WHERE f.status = 'FAILED'").map((r) -> r.intoList().toString()))
			.containsExactly("[{\"id\":\"3\"}, fix-failed, not applied: check constraint]");
		assertThatThrownBy(() -> journal.confirm(run, "c1", chunk(), Map.of(), "cli:test", AT))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("reconcile chunk c1 has no outstanding intent to confirm");
		assertThat(count(dsl, "SELECT COUNT(*) FROM parity_audit")).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void anInterruptedChunkIsSettledChangeByChangeAndAnOlderIntentRowToo(String engine) {
		given(engine);
		journal.begin(run, "c1", chunk(), "schedule", AT);
		// an intent journalled as a parity_fix row by a version before intent documents
		dsl.insertInto(ControlTables.Fix.TABLE, ControlTables.Fix.RUN_ID, ControlTables.Fix.CHUNK_REF,
				ControlTables.Fix.POSITION, ControlTables.Fix.TABLE_NAME, ControlTables.Fix.KEY_JSON,
				ControlTables.Fix.DISCREPANCY_ID, ControlTables.Fix.DISCREPANCY_IDS, ControlTables.Fix.ACTION,
				ControlTables.Fix.STATUS, ControlTables.Fix.AFTER, ControlTables.Fix.TRIGGER, ControlTables.Fix.CREATED_AT)
			.values(run, "old", 0, "orders", "{\"no\":\"9\"}", 21L, "21,22", "DELETE", "INTENT", "[]", "schedule", AT)
			.execute();

		List<PendingFix> pending = journal.pending();

		assertThat(pending).extracting(PendingFix::chunkRef, PendingFix::position, PendingFix::discrepancyIds)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("old", 0, List.of(21L, 22L)),
					org.assertj.core.groups.Tuple.tuple("c1", 0, List.of(11L)),
					org.assertj.core.groups.Tuple.tuple("c1", 2, List.of(13L, 14L)));
		journal.settle(pending.get(0), true, "applied before the crash", AT.plusSeconds(5));
		journal.settle(pending.get(1), true, "applied before the crash", AT.plusSeconds(5));
		journal.settle(pending.get(2), false, "never applied", AT.plusSeconds(5));
		journal.settled("c1");

		assertThat(journal.pending()).isEmpty();
		assertThat(count(dsl, "SELECT COUNT(*) FROM parity_fix_intent")).isZero();
		assertThat(dsl.fetch("SELECT chunk_ref, position, status, trigger_source FROM parity_fix ORDER BY chunk_ref, position")
			.map((r) -> r.intoList().toString())).containsExactly("[c1, 0, CONFIRMED, schedule]",
					"[c1, 1, SELF_HEALED, schedule]", "[c1, 2, ABANDONED, schedule]", "[old, 0, CONFIRMED, schedule]");
		assertThat(dsl.fetch("SELECT key_json, detail FROM parity_audit ORDER BY key_json").map((r) -> r.intoList().toString()))
			.containsExactly("[{\"id\":\"1\"}, discrepancies 11]", "[{\"no\":\"9\"}, discrepancies 21,22]");
	}

}
