package dev.parity.core.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.parity.core.testsupport.MigratedControl;

/**
 * The discrepancy repository on both supported control databases: the embedded H2 default and real
 * PostgreSQL (skipped with a reason when no PostgreSQL is available).
 */
class DiscrepancyRepositoryTests {

	private MigratedControl control;

	@AfterEach
	void close() {
		if (control != null) {
			control.close();
		}
	}

	private DSLContext control(String engine) {
		control = MigratedControl.of(engine);
		return control.dsl();
	}

	private static long run(DSLContext dsl, long instance) {
		return new RunRepository(dsl).startOrResume("countsJob", instance, "test", null, Instant.now());
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void oneDiscrepancyPerTableKeyTypeAndColumnWithItsHistory(String engine) {
		DSLContext dsl = control(engine);
		DiscrepancyRepository repository = new DiscrepancyRepository(dsl);
		long run1 = run(dsl, 1);
		long run2 = run(dsl, 2);
		Map<String, String> key = new LinkedHashMap<>();
		key.put("customer_id", "7");
		key.put("order_no", "100");
		Finding first = new Finding("orders", key, DiscrepancyType.FIELD_MISMATCH, "amount", "10.5", "10.6", true);
		Instant t1 = Instant.parse("2026-11-23T10:00:00Z");
		Instant t2 = Instant.parse("2026-11-23T11:00:00Z");

		long id = repository.record(run1, first, t1);
		assertThat(repository.record(run1, first, t1)).as("same run again").isEqualTo(id);
		long again = repository.record(run2,
				new Finding("orders", key, DiscrepancyType.FIELD_MISMATCH, "amount", "10.5", "10.7", true), t2);
		repository.record(run2, new Finding("orders", key, DiscrepancyType.FIELD_MISMATCH, "status", "a", "b", true), t2);

		assertThat(again).isEqualTo(id);
		List<Discrepancy> all = repository.find(null);
		assertThat(all).hasSize(2);
		Discrepancy amount = all.get(0);
		assertThat(amount.key()).containsExactly(Map.entry("customer_id", "7"), Map.entry("order_no", "100"));
		assertThat(amount.target()).isEqualTo("10.7");
		assertThat(amount.firstSeen()).isEqualTo(t1);
		assertThat(amount.lastSeen()).isEqualTo(t2);
		assertThat(dsl.fetchCount(ControlTables.Observation.TABLE, ControlTables.Observation.DISCREPANCY_ID.eq(id)))
			.isEqualTo(2);
	}

	// recordAll (the diff's confirmation writes a chunk at once) ends exactly where recording the same
	// findings one by one would: new ones inserted, known ones updated and reopened, a finding repeated
	// within the call as its later sighting, one observation per discrepancy and run.
	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void recordingAChunkAtOnceEndsAsRecordingItOneByOne(String engine) {
		DSLContext dsl = control(engine);
		DiscrepancyRepository repository = new DiscrepancyRepository(dsl);
		long run1 = run(dsl, 1);
		long run2 = run(dsl, 2);
		Instant t1 = Instant.parse("2026-11-23T10:00:00Z");
		Instant t2 = Instant.parse("2026-11-23T11:00:00Z");
		Finding known = new Finding("orders", Map.of("id", "1"), DiscrepancyType.FIELD_MISMATCH, "amount", "1", "2", true);
		long knownId = repository.record(run1, known, t1);
		repository.setStatus(List.of(knownId), DiscrepancyStatus.RESOLVED, "test", "fixed", t1);

		Finding fresh = new Finding("orders", Map.of("id", "2"), DiscrepancyType.MISSING_IN_TARGET, null, "{}", null, true);
		Finding knownAgain = new Finding("orders", Map.of("id", "1"), DiscrepancyType.FIELD_MISMATCH, "amount", "1", "3", true);
		Finding freshLater = new Finding("orders", Map.of("id", "2"), DiscrepancyType.MISSING_IN_TARGET, null, "{\"v\":1}",
				null, true);
		List<Long> ids = repository.recordAll(run2, List.of(fresh, knownAgain, freshLater), t2);

		assertThat(ids).hasSize(3);
		assertThat(ids.get(1)).isEqualTo(knownId);
		assertThat(ids.get(2)).isEqualTo(ids.get(0)).isNotEqualTo(knownId);
		assertThat(repository.find(DiscrepancyStatus.OPEN)).extracting(Discrepancy::id, Discrepancy::source,
				Discrepancy::target, Discrepancy::firstSeen, Discrepancy::lastSeen)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(knownId, "1", "3", t1, t2),
					org.assertj.core.groups.Tuple.tuple(ids.get(0), "{\"v\":1}", null, t2, t2));
		assertThat(dsl.fetchCount(ControlTables.Observation.TABLE, ControlTables.Observation.RUN_ID.eq(run2)))
			.as("one observation per discrepancy and run").isEqualTo(2);
		assertThat(dsl.fetchCount(ControlTables.Observation.TABLE, ControlTables.Observation.DISCREPANCY_ID.eq(knownId)))
			.isEqualTo(2);
		assertThat(repository.recordAll(run2, List.of(), t2)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void unseenDiscrepanciesResolveAndReopenButAcceptedStaysAccepted(String engine) {
		DSLContext dsl = control(engine);
		DiscrepancyRepository repository = new DiscrepancyRepository(dsl);
		Finding orders = Finding.ofTable("orders", DiscrepancyType.COUNT_MISMATCH, "3000", "2997", true);
		Finding events = Finding.ofTable("events", DiscrepancyType.COUNT_MISMATCH, "500", "470", false);
		long run1 = run(dsl, 1);
		long ordersId = repository.record(run1, orders, Instant.now());
		long eventsId = repository.record(run1, events, Instant.now());
		dsl.update(ControlTables.Disc.TABLE)
			.set(ControlTables.Disc.STATUS, "ACCEPTED")
			.where(ControlTables.Disc.ID.eq(eventsId))
			.execute();

		long run2 = run(dsl, 2);
		assertThat(repository.resolveUnseen("orders", List.of(DiscrepancyType.COUNT_MISMATCH), run2, "countsJob",
				Instant.now())).isEqualTo(1);
		assertThat(repository.find(DiscrepancyStatus.OPEN)).isEmpty();

		long run3 = run(dsl, 3);
		repository.record(run3, orders, Instant.now());
		repository.record(run3, events, Instant.now());
		assertThat(repository.find(null)).extracting(Discrepancy::id, Discrepancy::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ordersId, DiscrepancyStatus.OPEN),
					org.assertj.core.groups.Tuple.tuple(eventsId, DiscrepancyStatus.ACCEPTED));
		assertThat(repository.countSeenBy(run3, "orders")).containsExactly(Map.entry(DiscrepancyType.COUNT_MISMATCH, 1));
	}


	// Keyset pages with equal sort values (same table, same lastSeen) must neither skip nor repeat a row.
	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void keysetPagesListEachMatchOnceInEveryOrderWithFilters(String engine) {
		DSLContext dsl = control(engine);
		DiscrepancyRepository repository = new DiscrepancyRepository(dsl);
		long run = run(dsl, 1);
		Instant t1 = Instant.parse("2026-11-20T10:00:00Z");
		Instant t2 = Instant.parse("2026-11-21T10:00:00Z");
		for (int i = 0; i < 23; i++) {
			String table = i % 3 == 0 ? "orders" : "customers";
			DiscrepancyType type = i % 2 == 0 ? DiscrepancyType.FIELD_MISMATCH : DiscrepancyType.MISSING_IN_TARGET;
			repository.record(run, new Finding(table, Map.of("id", String.valueOf(i)), type,
					type == DiscrepancyType.FIELD_MISMATCH ? "email" : null, "s", "t", i % 4 == 0), i < 10 ? t1 : t2);
		}
		List<Discrepancy> all = repository.find(null);
		for (DiscrepancyPage.Sort sort : DiscrepancyPage.Sort.values()) {
			for (DiscrepancyQuery query : List.of(DiscrepancyQuery.ALL,
					new DiscrepancyQuery("customers", DiscrepancyType.FIELD_MISMATCH, DiscrepancyStatus.OPEN, null, null, null),
					new DiscrepancyQuery(null, null, null, true, t2, null))) {
				List<Long> paged = new java.util.ArrayList<>();
				String after = null;
				DiscrepancyPage page;
				do {
					page = repository.page(query, sort, after, 4);
					page.items().forEach((d) -> paged.add(d.id()));
					after = page.next();
				}
				while (after != null);
				List<Long> expected = all.stream()
					.filter((d) -> query.table() == null || d.table().equals(query.table()))
					.filter((d) -> query.type() == null || d.type() == query.type())
					.filter((d) -> query.critical() == null || d.critical() == query.critical())
					.filter((d) -> query.lastSeenFrom() == null || !d.lastSeen().isBefore(query.lastSeenFrom()))
					.sorted(switch (sort) {
						case NEWEST -> java.util.Comparator.comparing(Discrepancy::id).reversed();
						case OLDEST -> java.util.Comparator.comparing(Discrepancy::id);
						case LAST_SEEN -> java.util.Comparator.comparing(Discrepancy::lastSeen)
							.thenComparing(Discrepancy::id)
							.reversed();
						case TABLE -> java.util.Comparator.comparing(Discrepancy::table).thenComparing(Discrepancy::id);
					})
					.map(Discrepancy::id)
					.toList();
				assertThat(paged).as(sort + " " + query).isEqualTo(expected);
				assertThat(page.total()).isEqualTo(expected.size());
			}
		}
		assertThat(repository.page(DiscrepancyQuery.ALL, DiscrepancyPage.Sort.NEWEST, null, 1).total()).isEqualTo(23);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void acceptingWaivesAnOpenOrFailedDiscrepancyOnceWithWhoAndWhy(String engine) {
		DSLContext dsl = control(engine);
		DiscrepancyRepository repository = new DiscrepancyRepository(dsl);
		long run = run(dsl, 1);
		Instant at = Instant.parse("2026-11-23T10:00:00Z");
		long id = repository.record(run, new Finding("orders", Map.of("id", "1"), DiscrepancyType.MISSING_IN_TARGET, null,
				"{}", null, true), at);
		assertThat(repository.accept(id, "console:olivia", "known gap", at.plusSeconds(5))).isTrue();
		assertThat(repository.accept(id, "console:olivia", "again", at.plusSeconds(9))).isFalse();
		assertThat(repository.get(id).orElseThrow().status()).isEqualTo(DiscrepancyStatus.ACCEPTED);
		assertThat(repository.lastStatusChange(id)).contains(
				new DiscrepancyRepository.StatusChange(at.plusSeconds(5), "console:olivia", "known gap"));
		assertThat(repository.sightings(id)).singleElement().satisfies((s) -> assertThat(s.runId()).isEqualTo(run));
		assertThat(repository.countOpenCritical()).isZero();
		assertThat(repository.get(id + 1000)).isEmpty();
	}

}
