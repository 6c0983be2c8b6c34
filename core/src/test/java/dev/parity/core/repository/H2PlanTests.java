package dev.parity.core.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.conf.ParamType;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.parity.core.cutover.Signal;
import dev.parity.core.testsupport.MigratedControl;

/**
 * Reads that repeat over a growing table — a filtered console page, a chunk of diff candidates, the
 * latest sample of a signal, the latest lag of a table — must be served by H2 (the default control database) from an index in
 * order, stopping at their limit: H2 does so only when the ORDER BY names the index's columns in full,
 * otherwise it reads and sorts every matching row each time. Each read is captured as it runs and
 * explained.
 */
class H2PlanTests {

	private MigratedControl control;

	@AfterEach
	void close() {
		if (control != null) {
			control.close();
		}
	}

	// A context on the same database that adds each statement, values inlined, to `reads` as it runs.
	private static DSLContext recording(DSLContext dsl, List<String> reads) {
		return dsl.configuration().derive(new DefaultExecuteListenerProvider(new ExecuteListener() {

			@Override
			public void executeStart(ExecuteContext ctx) {
				reads.add(ctx.query().getSQL(ParamType.INLINED));
			}

		})).dsl();
	}

	@Test
	void repeatedReadsUseTheirIndexInOrder() {
		control = MigratedControl.of("h2");
		DSLContext dsl = control.dsl();
		List<String> reads = new ArrayList<>();
		DSLContext spy = recording(dsl, reads);

		new DiffRepository(spy).candidates(7, 100, 1000);
		new CutoverRepository(spy).latest(Signal.values()[0]);
		new LagRepository(spy).latest("orders");

		assertThat(reads).hasSize(3);
		for (String read : reads) {
			assertThat(dsl.fetchValue("EXPLAIN " + read).toString()).as(read).contains("index sorted");
		}
	}

	@Test
	void aFilteredConsolePageIsReadFromItsIndexInOrder() {
		control = MigratedControl.of("h2");
		DSLContext dsl = control.dsl();
		DiscrepancyRepository repository = new DiscrepancyRepository(dsl);
		long run = new RunRepository(dsl).startOrResume("countsJob", 1, "test", null, java.time.Instant.now());
		for (int i = 0; i < 40; i++) {
			repository.record(run, new Finding(i % 2 == 0 ? "orders" : "customers", java.util.Map.of("id", String.valueOf(i)),
					DiscrepancyType.MISSING_IN_TARGET, null, "s", null, false), java.time.Instant.now());
		}
		List<String> reads = new ArrayList<>();
		DiscrepancyRepository recorded = new DiscrepancyRepository(recording(dsl, reads));
		for (DiscrepancyQuery query : List.of(new DiscrepancyQuery(null, null, DiscrepancyStatus.OPEN, null, null, null),
				new DiscrepancyQuery("orders", null, null, null, null, null),
				new DiscrepancyQuery(null, DiscrepancyType.MISSING_IN_TARGET, null, null, null, null))) {
			for (DiscrepancyPage.Sort sort : List.of(DiscrepancyPage.Sort.NEWEST, DiscrepancyPage.Sort.OLDEST)) {
				String cursor = repository.page(query, sort, null, 3).next();
				reads.clear();
				recorded.page(query, sort, cursor, 4);
				// the page's rows, then its total
				assertThat(dsl.fetchValue("EXPLAIN " + reads.get(0)).toString()).as(sort + " " + query)
					.contains("index sorted");
			}
		}
	}

	@Test
	void aKeyInFlightIsFoundThroughTheOpenDiscrepancyIndex() {
		control = MigratedControl.of("h2");
		DSLContext dsl = control.dsl();
		List<String> reads = new ArrayList<>();
		DSLContext spy = recording(dsl, reads);

		new DiffRepository(spy).touchOpen(7, "orders", java.util.Map.of("id", "1"));

		assertThat(reads).hasSize(1);
		for (String read : reads) {
			assertThat(dsl.fetchValue("EXPLAIN " + read).toString()).as(read)
				.contains("/* PUBLIC.PARITY_DISCREPANCY_STATUS: ");
		}
	}

}
