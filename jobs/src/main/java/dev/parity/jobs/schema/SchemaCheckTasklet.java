package dev.parity.jobs.schema;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.parity.core.config.TableMapping;
import dev.parity.core.connect.SourceDatabase;
import dev.parity.core.mapping.CatalogTable;
import dev.parity.core.mapping.Catalogs;
import dev.parity.core.repository.AuditLog;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyType;
import dev.parity.core.repository.Finding;
import dev.parity.core.repository.SchemaRepository;
import dev.parity.core.schema.SchemaComparator;
import dev.parity.core.schema.SchemaFinding;
import dev.parity.core.schema.TableDefinition;

/**
 * {@code schemaStep}: the first step of every validation job (and all of {@code schemaJob}). For each
 * selected table pair it reads both live definitions (from the run's {@link Catalogs}: one catalog read
 * per database, shared with the pre-run validation and the later steps), compares them with the mapping and with the
 * previous snapshot ({@link SchemaComparator}), keeps this run's snapshot and findings, records every
 * conflict as a {@code SCHEMA_CONFLICT} discrepancy (critical), and pauses the table on an open
 * conflict: later steps skip it until an operator resumes it. Warnings are recorded only.
 */
public class SchemaCheckTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(SchemaCheckTasklet.class);

	private final long runId;

	private final List<TableMapping> tables;

	private final SourceDatabase source;

	private final Catalogs catalogs;

	private final SchemaRepository schemas;

	private final DiscrepancyRepository discrepancies;

	private final AuditLog audit;

	private final Clock clock;

	public SchemaCheckTasklet(long runId, List<TableMapping> tables, SourceDatabase source, Catalogs catalogs,
			SchemaRepository schemas, DiscrepancyRepository discrepancies, AuditLog audit, Clock clock) {
		this.runId = runId;
		this.tables = tables;
		this.source = source;
		this.catalogs = catalogs;
		this.schemas = schemas;
		this.discrepancies = discrepancies;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		Instant now = clock.instant();
		List<String> names = tables.stream().map(TableMapping::name).toList();
		// The control database is asked a fixed number of times for all tables, not per table: the
		// previous snapshots in one query, this run's snapshots and findings in batches.
		Map<String, SchemaRepository.SchemaSnapshot> previous = schemas.latest(names, runId);
		List<SchemaRepository.TableCheck> checks = new ArrayList<>();
		for (TableMapping mapping : tables) {
			checks.add(check(mapping, previous.get(mapping.name())));
		}
		schemas.saveChecks(runId, checks, now);
		for (SchemaRepository.TableCheck check : checks) {
			for (SchemaFinding finding : check.findings()) {
				if (finding.severity() == SchemaFinding.Severity.CONFLICT) {
					discrepancies.record(runId, new Finding(check.table(), null, DiscrepancyType.SCHEMA_CONFLICT,
							finding.column(), finding.source(), finding.target(), true, finding.change()), now);
					log.warn("SCHEMA CONFLICT {}.{}: {} (source {}, target {})", check.table(), finding.column(),
							finding.change(), finding.source(), finding.target());
				}
				else {
					log.info("schema warning {}.{}: {}", check.table(), finding.column(), finding.change());
				}
			}
		}
		discrepancies.resolveUnseen(names, List.of(DiscrepancyType.SCHEMA_CONFLICT), runId, "schemaStep", now);
		// Accepted conflicts (reviewed and waived) do not pause.
		java.util.Set<String> conflicted = discrepancies.tablesWithOpenSeenBy(runId, names, DiscrepancyType.SCHEMA_CONFLICT);
		for (SchemaRepository.TableCheck check : checks) {
			if (conflicted.contains(check.table())) {
				String reason = check.findings()
					.stream()
					.filter((f) -> f.severity() == SchemaFinding.Severity.CONFLICT)
					.map((f) -> (f.column() == null ? "" : f.column() + ": ") + f.change())
					.reduce((a, b) -> a + "; " + b)
					.orElse("schema conflict");
				if (schemas.pause(check.table(), reason, now)) {
					audit.record("schemaStep", "PAUSE", check.table(), null, runId, reason, now);
					log.warn("{} paused until reviewed: ./parity resume {}", check.table(), check.table());
				}
			}
		}
		return RepeatStatus.FINISHED;
	}

	private SchemaRepository.TableCheck check(TableMapping mapping, SchemaRepository.SchemaSnapshot previous) {
		Optional<CatalogTable> sourceTable = catalogs.source().find(mapping.source());
		Optional<CatalogTable> targetTable = catalogs.target().find(mapping.target());
		if (sourceTable.isEmpty() || targetTable.isEmpty()) {
			return new SchemaRepository.TableCheck(mapping.name(), null, null, List.of(new SchemaFinding(mapping.name(),
					null, SchemaFinding.Severity.CONFLICT,
					"table " + (sourceTable.isEmpty() ? mapping.source() + " missing in the source"
							: mapping.target() + " missing in the target"), null, null)));
		}
		TableDefinition sourceDefinition = TableDefinition.of(sourceTable.get());
		TableDefinition targetDefinition = TableDefinition.of(targetTable.get());
		List<SchemaFinding> findings = new ArrayList<>(SchemaComparator.compare(mapping, sourceDefinition,
				targetDefinition, previous == null ? null : previous.source(), previous == null ? null : previous.target(),
				(column) -> hasNulls(sourceTable.get().table(), column)));
		for (Map.Entry<String, String> expression : mapping.columns().entrySet()) {
			if (findings.stream().noneMatch((f) -> expression.getKey().equalsIgnoreCase(f.column()))) {
				expressionProblem(sourceTable.get().table(), expression.getValue()).ifPresent((problem) -> findings
					.add(new SchemaFinding(mapping.name(), expression.getKey(), SchemaFinding.Severity.CONFLICT,
							"the source can no longer evaluate '" + expression.getValue() + "': " + problem, null, null)));
			}
		}
		return new SchemaRepository.TableCheck(mapping.name(), sourceDefinition, targetDefinition, findings);
	}

	private boolean hasNulls(Table<?> table, String column) {
		return source.dsl().fetchExists(DSL.selectOne().from(table).where(DSL.field(DSL.name(column)).isNull()));
	}

	private Optional<String> expressionProblem(Table<?> table, String expression) {
		try {
			source.dsl().select(DSL.field("(" + expression + ")")).from(table).where(DSL.falseCondition()).fetch();
			return Optional.empty();
		}
		catch (DataAccessException ex) {
			String message = ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage();
			return Optional.of(String.valueOf(message).lines().findFirst().orElse("").trim());
		}
	}

}
