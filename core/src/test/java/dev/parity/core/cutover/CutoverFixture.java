package dev.parity.core.cutover;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import com.zaxxer.hikari.HikariDataSource;

import dev.parity.core.config.ConnectionSettings;
import dev.parity.core.config.CutoverSettings;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.SlaSettings;
import dev.parity.core.config.TableMapping;
import dev.parity.core.config.UserSettings;
import dev.parity.core.connect.DatabaseConnector;
import dev.parity.core.cutover.CheckpointLauncher.CheckpointLaunch;
import dev.parity.core.readiness.ExitCriteria;
import dev.parity.core.repository.AuditLog;
import dev.parity.core.repository.CheckResultRepository;
import dev.parity.core.repository.CountResult;
import dev.parity.core.repository.CutoverRepository;
import dev.parity.core.repository.DiffRepository;
import dev.parity.core.repository.DiffStats;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.LagRepository;
import dev.parity.core.repository.RunRepository;
import dev.parity.core.repository.SlaRepository;

/**
 * A cutover over a fresh embedded control database (H2, the default control engine), with a clock
 * the test moves and a checkpoint launcher that records its calls.
 */
final class CutoverFixture implements AutoCloseable {

	static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

	final HikariDataSource pool;

	final DSLContext dsl;

	final MovableClock clock = new MovableClock(T0);

	final List<String> checkpoints = new ArrayList<>();

	final CutoverRepository repository;

	final LagRepository lags;

	final ParityConfig config;

	final CutoverService service;

	CutoverFixture(CutoverSettings cutover, List<UserSettings> users) {
		pool = DatabaseConnector.control(new ConnectionSettings("jdbc:h2:mem:cutover" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "", 2));
		Flyway.configure().dataSource(pool).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
		dsl = DSL.using(pool, SQLDialect.H2);
		repository = new CutoverRepository(dsl);
		lags = new LagRepository(dsl);
		ConnectionSettings unused = new ConnectionSettings("jdbc:h2:mem:unused", null, null, null);
		config = new ParityConfig("cutover test", unused, unused, null, null,
				List.of(new TableMapping("a", "a", "a", null, null, true, null, null)), null, null, null,
				new SlaSettings(Duration.ofMillis(250), null), null, null, null, null, users, cutover);
		ExitCriteria criteria = new ExitCriteria(config, new CheckResultRepository(dsl), new DiscrepancyRepository(dsl),
				new RunRepository(dsl), new SlaRepository(dsl), clock);
		CheckpointLauncher launcher = (reason) -> {
			checkpoints.add(reason);
			return new CheckpointLaunch(99L, "checksumJob execution 99 launched (" + reason + ")");
		};
		KillSwitch killSwitch = new KillSwitch(repository, launcher, new WebhookNotifier(config.cutover().webhook()),
				new AuditLog(dsl), config.name(), clock);
		service = new CutoverService(config, repository, criteria, killSwitch, new AuditLog(dsl), clock);
	}

	/** Stores results that meet every exit criterion: a run 40 days ago, equal counts, a full match, a fast p95. */
	void meetEveryCriterion() {
		Instant start = T0.minus(Duration.ofDays(40));
		long run = new RunRepository(dsl).startOrResume("countsJob", 1, "test", null, start);
		new CheckResultRepository(dsl).saveCounts(run,
				new CountResult("a", true, 10, 10, 0, 0, 0.0, 0.0001, null, null, Duration.ZERO), start);
		new DiffRepository(dsl).saveResult(run, new DiffStats("a", 10, 10, 0, 100, 0), 0.999, Duration.ZERO, start);
		new SlaRepository(dsl).record(new SlaRepository.Sample(T0.minus(Duration.ofDays(1)), 200, "test"));
	}

	List<String> audit(String action) {
		return dsl.resultQuery("SELECT actor || ' | ' || detail FROM parity_audit WHERE action = ? ORDER BY id", action)
			.fetch((r) -> r.get(0, String.class));
	}

	@Override
	public void close() {
		pool.close();
	}

	/** A clock the test moves forward. */
	static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void set(Instant instant) {
			now = instant;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
