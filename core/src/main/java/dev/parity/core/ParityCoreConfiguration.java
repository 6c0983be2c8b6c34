package dev.parity.core;

import java.time.Clock;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;

import com.zaxxer.hikari.HikariDataSource;

import dev.parity.core.config.ParityConfig;
import dev.parity.core.connect.DatabaseConnector;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.connect.TargetDatabase;
import dev.parity.core.mapping.Catalogs;
import dev.parity.core.mapping.TablePairResolver;
import dev.parity.core.repository.AuditLog;
import dev.parity.core.repository.CheckResultRepository;
import dev.parity.core.repository.DiffRepository;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.RunRepository;
import dev.parity.core.repository.SchemaRepository;
import dev.parity.core.repository.SlaRepository;
import dev.parity.core.readiness.ExitCriteria;
import dev.parity.core.config.MetricSources;
import dev.parity.core.cutover.CheckpointLauncher;
import dev.parity.core.cutover.CutoverMonitor;
import dev.parity.core.cutover.CutoverService;
import dev.parity.core.cutover.KillSwitch;
import dev.parity.core.cutover.PrometheusMetricsSource;
import dev.parity.core.cutover.WebhookNotifier;
import dev.parity.core.lag.LagWindows;
import dev.parity.core.lag.ReplicationLag;
import dev.parity.core.repository.CutoverRepository;
import dev.parity.core.repository.LagRepository;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The beans every Parity process needs, built from the {@link ParityConfig} bean: the control
 * database (the primary {@link DataSource}, used by Flyway, Spring Batch, Quartz and jOOQ), the
 * source and target (lazy: commands that only read the control database never connect to them),
 * and the control repositories.
 */
@Configuration(proxyBeanMethods = false)
public class ParityCoreConfiguration {

	@Bean
	@Primary
	HikariDataSource controlDataSource(ParityConfig config) {
		return DatabaseConnector.control(sized(config.control(), config));
	}

	@Bean(destroyMethod = "close")
	@Lazy
	SourceDatabase sourceDatabase(ParityConfig config) {
		return DatabaseConnector.source(sized(config.source(), config));
	}

	@Bean(destroyMethod = "close")
	@Lazy
	TargetDatabase targetDatabase(ParityConfig config) {
		return DatabaseConnector.target(sized(config.target(), config));
	}

	// Each diff partition streams on a connection of its own, and each checksum partition queries both sides
	// at once, besides the shared connections; in the control database each partition (and reconcile's
	// confirmations, overlapping the next chunk) commits in a transaction of its own.
	private static dev.parity.core.config.ConnectionSettings sized(dev.parity.core.config.ConnectionSettings settings,
			ParityConfig config) {
		int needed = Math.max(config.diff().threads(), config.checksum().threads()) + 2;
		return settings.poolSize() >= needed ? settings : settings.withPoolSize(needed);
	}

	@Bean
	@Lazy
	TablePairResolver tablePairResolver(ParityConfig config, SourceDatabase source, Catalogs catalogs,
			SchemaRepository schemas) {
		return new TablePairResolver(config, source, catalogs, schemas);
	}

	// The databases are opened on the first catalog lookup, not when the bean is made: commands that
	// never look at a table (and the job listener that forgets the catalogs) do not connect.
	@Bean
	Catalogs catalogs(org.springframework.beans.factory.ObjectProvider<SourceDatabase> source,
			org.springframework.beans.factory.ObjectProvider<TargetDatabase> target) {
		return new Catalogs(source::getObject, target::getObject);
	}

	@Bean
	SchemaRepository schemaRepository(DSLContext dsl) {
		return new SchemaRepository(dsl);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	DiscrepancyRepository discrepancyRepository(DSLContext dsl) {
		return new DiscrepancyRepository(dsl);
	}

	@Bean
	RunRepository runRepository(DSLContext dsl) {
		return new RunRepository(dsl);
	}

	@Bean
	CheckResultRepository checkResultRepository(DSLContext dsl) {
		return new CheckResultRepository(dsl);
	}

	@Bean
	DiffRepository diffRepository(DSLContext dsl) {
		return new DiffRepository(dsl);
	}

	@Bean
	dev.parity.core.repository.CheckpointRepository checkpointRepository(DSLContext dsl) {
		return new dev.parity.core.repository.CheckpointRepository(dsl);
	}

	@Bean
	SlaRepository slaRepository(DSLContext dsl) {
		return new SlaRepository(dsl);
	}

	@Bean
	ExitCriteria exitCriteria(ParityConfig config, CheckResultRepository results, DiscrepancyRepository discrepancies,
			RunRepository runs, SlaRepository sla, Clock clock) {
		return new ExitCriteria(config, results, discrepancies, runs, sla, clock);
	}

	@Bean
	dev.parity.core.repository.FixJournal fixJournal(DSLContext dsl) {
		return new dev.parity.core.repository.FixJournal(dsl);
	}

	@Bean
	dev.parity.core.repository.RunLocks runLocks(DSLContext dsl) {
		return new dev.parity.core.repository.RunLocks(dsl);
	}

	@Bean
	AuditLog auditLog(DSLContext dsl) {
		return new AuditLog(dsl);
	}

	// cutover (issue 11)
	@Bean
	CutoverRepository cutoverRepository(DSLContext dsl) {
		return new CutoverRepository(dsl);
	}

	@Bean
	LagRepository lagRepository(DSLContext dsl) {
		return new LagRepository(dsl);
	}

	@Bean
	LagWindows lagWindows(ParityConfig config, LagRepository lags) {
		return new LagWindows(config, lags);
	}

	@Bean
	WebhookNotifier webhookNotifier(ParityConfig config) {
		return new WebhookNotifier(config.cutover().webhook());
	}

	@Bean
	ReplicationLag replicationLag(ParityConfig config, LagRepository lags, WebhookNotifier webhook) {
		return new ReplicationLag(config, lags, webhook);
	}

	@Bean
	KillSwitch killSwitch(CutoverRepository repository, ObjectProvider<CheckpointLauncher> checkpoints,
			WebhookNotifier webhook, AuditLog audit, ParityConfig config, Clock clock) {
		// Without a launcher (a context without the schedules module) the incident says so; it never pretends.
		CheckpointLauncher launcher = checkpoints
			.getIfAvailable(() -> (reason) -> new CheckpointLauncher.CheckpointLaunch(null, CheckpointLauncher.NOT_AVAILABLE));
		return new KillSwitch(repository, launcher, webhook, audit, config.name(), clock);
	}

	@Bean
	CutoverService cutoverService(ParityConfig config, CutoverRepository repository, ExitCriteria criteria,
			KillSwitch killSwitch, AuditLog audit, Clock clock) {
		return new CutoverService(config, repository, criteria, killSwitch, audit, clock);
	}

	/** Started by {@code serve} only. */
	@Bean(destroyMethod = "close")
	CutoverMonitor cutoverMonitor(CutoverService service, ParityConfig config) {
		MetricSources metrics = config.cutover().metrics();
		return new CutoverMonitor(service,
				PrometheusMetricsSource.configured(metrics) ? new PrometheusMetricsSource(metrics) : null,
				metrics.pollInterval());
	}

}
