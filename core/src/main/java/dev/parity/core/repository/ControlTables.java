package dev.parity.core.repository;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.unquotedName;
import static org.jooq.impl.DSL.table;

import java.time.Instant;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * Parity's control tables (created by Flyway, {@code db/migration}), addressed by name through jOOQ.
 * Unquoted names, so that H2 (which folds them to upper case) and PostgreSQL (lower case) resolve them alike.
 */
final class ControlTables {

	private ControlTables() {
	}

	static final class Run {

		static final Table<Record> TABLE = table(unquotedName("parity_run"));

		static final Field<Long> ID = field(unquotedName("parity_run", "id"), SQLDataType.BIGINT.identity(true));

		static final Field<String> JOB_NAME = field(unquotedName("parity_run", "job_name"), SQLDataType.VARCHAR);

		static final Field<Long> JOB_INSTANCE_ID = field(unquotedName("parity_run", "job_instance_id"), SQLDataType.BIGINT);

		static final Field<String> TRIGGER = field(unquotedName("parity_run", "trigger_source"), SQLDataType.VARCHAR);

		static final Field<String> TABLES = field(unquotedName("parity_run", "tables_selected"), SQLDataType.VARCHAR);

		static final Field<String> STATUS = field(unquotedName("parity_run", "status"), SQLDataType.VARCHAR);

		static final Field<Instant> STARTED_AT = field(unquotedName("parity_run", "started_at"), SQLDataType.INSTANT);

		static final Field<Instant> FINISHED_AT = field(unquotedName("parity_run", "finished_at"), SQLDataType.INSTANT);

	}

	static final class CheckResult {

		static final Table<Record> TABLE = table(unquotedName("parity_check_result"));

		static final Field<Long> ID = field(unquotedName("parity_check_result", "id"), SQLDataType.BIGINT.identity(true));

		static final Field<Long> RUN_ID = field(unquotedName("parity_check_result", "run_id"), SQLDataType.BIGINT);

		static final Field<String> CHECK_TYPE = field(unquotedName("parity_check_result", "check_type"), SQLDataType.VARCHAR);

		static final Field<String> TABLE_NAME = field(unquotedName("parity_check_result", "table_name"), SQLDataType.VARCHAR);

		static final Field<Long> SOURCE_COUNT = field(unquotedName("parity_check_result", "source_count"), SQLDataType.BIGINT);

		static final Field<Long> TARGET_COUNT = field(unquotedName("parity_check_result", "target_count"), SQLDataType.BIGINT);

		static final Field<Long> SOURCE_IN_FLIGHT = field(unquotedName("parity_check_result", "source_in_flight"), SQLDataType.BIGINT);

		static final Field<Long> TARGET_IN_FLIGHT = field(unquotedName("parity_check_result", "target_in_flight"), SQLDataType.BIGINT);

		static final Field<Double> VARIANCE = field(unquotedName("parity_check_result", "variance"), SQLDataType.DOUBLE);

		static final Field<Double> THRESHOLD = field(unquotedName("parity_check_result", "threshold"), SQLDataType.DOUBLE);

		static final Field<Boolean> PASSED = field(unquotedName("parity_check_result", "passed"), SQLDataType.BOOLEAN);

		static final Field<Long> DURATION_MS = field(unquotedName("parity_check_result", "duration_ms"), SQLDataType.BIGINT);

		static final Field<String> DETAIL = field(unquotedName("parity_check_result", "detail"), SQLDataType.VARCHAR);

		static final Field<Instant> CHECKED_AT = field(unquotedName("parity_check_result", "checked_at"), SQLDataType.INSTANT);

		static final Field<Long> ROWS_COMPARED = field(unquotedName("parity_check_result", "rows_compared"), SQLDataType.BIGINT);

		static final Field<Long> ROWS_EQUAL = field(unquotedName("parity_check_result", "rows_equal"), SQLDataType.BIGINT);

		static final Field<Long> ROWS_IN_FLIGHT = field(unquotedName("parity_check_result", "rows_in_flight"), SQLDataType.BIGINT);

		static final Field<Long> FIELDS_COMPARED = field(unquotedName("parity_check_result", "fields_compared"), SQLDataType.BIGINT);

		static final Field<Long> FIELDS_MISMATCHED = field(unquotedName("parity_check_result", "fields_mismatched"), SQLDataType.BIGINT);

		static final Field<Double> MATCH_RATE = field(unquotedName("parity_check_result", "match_rate"), SQLDataType.DOUBLE);

	}

	static final class Disc {

		static final Table<Record> TABLE = table(unquotedName("parity_discrepancy"));

		static final Field<Long> ID = field(unquotedName("parity_discrepancy", "id"), SQLDataType.BIGINT.identity(true));

		static final Field<String> IDENT = field(unquotedName("parity_discrepancy", "ident"), SQLDataType.CHAR(64));

		static final Field<String> TABLE_NAME = field(unquotedName("parity_discrepancy", "table_name"), SQLDataType.VARCHAR);

		static final Field<String> KEY_JSON = field(unquotedName("parity_discrepancy", "key_json"), SQLDataType.VARCHAR);

		static final Field<String> TYPE = field(unquotedName("parity_discrepancy", "discrepancy_type"), SQLDataType.VARCHAR);

		static final Field<String> COLUMN_NAME = field(unquotedName("parity_discrepancy", "column_name"), SQLDataType.VARCHAR);

		static final Field<String> SOURCE_VALUE = field(unquotedName("parity_discrepancy", "source_value"), SQLDataType.VARCHAR);

		static final Field<String> TARGET_VALUE = field(unquotedName("parity_discrepancy", "target_value"), SQLDataType.VARCHAR);

		static final Field<String> STATUS = field(unquotedName("parity_discrepancy", "status"), SQLDataType.VARCHAR);

		static final Field<Boolean> CRITICAL = field(unquotedName("parity_discrepancy", "critical"), SQLDataType.BOOLEAN);

		static final Field<Instant> FIRST_SEEN = field(unquotedName("parity_discrepancy", "first_seen"), SQLDataType.INSTANT);

		static final Field<Instant> LAST_SEEN = field(unquotedName("parity_discrepancy", "last_seen"), SQLDataType.INSTANT);

		static final Field<Long> FIRST_RUN_ID = field(unquotedName("parity_discrepancy", "first_run_id"), SQLDataType.BIGINT);

		static final Field<Long> LAST_RUN_ID = field(unquotedName("parity_discrepancy", "last_run_id"), SQLDataType.BIGINT);

		static final Field<Instant> STATUS_CHANGED_AT = field(unquotedName("parity_discrepancy", "status_changed_at"), SQLDataType.INSTANT);

		static final Field<String> STATUS_CHANGED_BY = field(unquotedName("parity_discrepancy", "status_changed_by"), SQLDataType.VARCHAR);

		static final Field<String> STATUS_REASON = field(unquotedName("parity_discrepancy", "status_reason"), SQLDataType.VARCHAR);

		static final Field<String> DETAIL = field(unquotedName("parity_discrepancy", "detail"), SQLDataType.VARCHAR);

	}

	static final class Observation {

		static final Table<Record> TABLE = table(unquotedName("parity_observation"));

		static final Field<Long> DISCREPANCY_ID = field(unquotedName("parity_observation", "discrepancy_id"), SQLDataType.BIGINT);

		static final Field<Long> RUN_ID = field(unquotedName("parity_observation", "run_id"), SQLDataType.BIGINT);

		static final Field<Instant> OBSERVED_AT = field(unquotedName("parity_observation", "observed_at"), SQLDataType.INSTANT);

		static final Field<String> SOURCE_VALUE = field(unquotedName("parity_observation", "source_value"), SQLDataType.VARCHAR);

		static final Field<String> TARGET_VALUE = field(unquotedName("parity_observation", "target_value"), SQLDataType.VARCHAR);

	}

	static final class LagAlert {

		static final Table<Record> TABLE = table(unquotedName("parity_lag_alert"));

		static final Field<Long> RUN_ID = field(unquotedName("parity_lag_alert", "run_id"), SQLDataType.BIGINT);

		static final Field<String> TABLE_NAME = field(unquotedName("parity_lag_alert", "table_name"), SQLDataType.VARCHAR);

		static final Field<String> SOURCE_NEWEST = field(unquotedName("parity_lag_alert", "source_newest"), SQLDataType.VARCHAR);

		static final Field<String> TARGET_NEWEST = field(unquotedName("parity_lag_alert", "target_newest"), SQLDataType.VARCHAR);

		static final Field<Long> LAG_SECONDS = field(unquotedName("parity_lag_alert", "lag_seconds"), SQLDataType.BIGINT);

		static final Field<Long> THRESHOLD_SECONDS = field(unquotedName("parity_lag_alert", "threshold_seconds"), SQLDataType.BIGINT);

		static final Field<Instant> RAISED_AT = field(unquotedName("parity_lag_alert", "raised_at"), SQLDataType.INSTANT);

	}

	static final class Audit {

		static final Table<Record> TABLE = table(unquotedName("parity_audit"));

		static final Field<Long> ID = field(unquotedName("parity_audit", "id"), SQLDataType.BIGINT.identity(true));

		static final Field<Instant> OCCURRED_AT = field(unquotedName("parity_audit", "occurred_at"), SQLDataType.INSTANT);

		static final Field<String> ACTOR = field(unquotedName("parity_audit", "actor"), SQLDataType.VARCHAR);

		static final Field<String> ACTION = field(unquotedName("parity_audit", "action"), SQLDataType.VARCHAR);

		static final Field<String> TABLE_NAME = field(unquotedName("parity_audit", "table_name"), SQLDataType.VARCHAR);

		static final Field<Long> DISCREPANCY_ID = field(unquotedName("parity_audit", "discrepancy_id"), SQLDataType.BIGINT);

		static final Field<Long> RUN_ID = field(unquotedName("parity_audit", "run_id"), SQLDataType.BIGINT);

		static final Field<String> DETAIL = field(unquotedName("parity_audit", "detail"), SQLDataType.VARCHAR);

		static final Field<Long> FIX_ID = field(unquotedName("parity_audit", "fix_id"), SQLDataType.BIGINT);

		static final Field<String> KEY_JSON = field(unquotedName("parity_audit", "key_json"), SQLDataType.VARCHAR);

		static final Field<String> RULE = field(unquotedName("parity_audit", "rule_text"), SQLDataType.VARCHAR);

		static final Field<String> TRIGGER = field(unquotedName("parity_audit", "trigger_source"), SQLDataType.VARCHAR);

		static final Field<String> BEFORE = field(unquotedName("parity_audit", "before_json"), SQLDataType.VARCHAR);

		static final Field<String> AFTER = field(unquotedName("parity_audit", "after_json"), SQLDataType.VARCHAR);

	}

	static final class Fix {

		static final Table<Record> TABLE = table(unquotedName("parity_fix"));

		static final Field<Long> ID = field(unquotedName("parity_fix", "id"), SQLDataType.BIGINT.identity(true));

		static final Field<Long> RUN_ID = field(unquotedName("parity_fix", "run_id"), SQLDataType.BIGINT);

		static final Field<String> CHUNK_REF = field(unquotedName("parity_fix", "chunk_ref"), SQLDataType.VARCHAR);

		static final Field<Integer> POSITION = field(unquotedName("parity_fix", "position"), SQLDataType.INTEGER);

		static final Field<String> TABLE_NAME = field(unquotedName("parity_fix", "table_name"), SQLDataType.VARCHAR);

		static final Field<String> KEY_JSON = field(unquotedName("parity_fix", "key_json"), SQLDataType.VARCHAR);

		static final Field<Long> DISCREPANCY_ID = field(unquotedName("parity_fix", "discrepancy_id"), SQLDataType.BIGINT);

		static final Field<String> DISCREPANCY_IDS = field(unquotedName("parity_fix", "discrepancy_ids"), SQLDataType.VARCHAR);

		static final Field<String> ACTION = field(unquotedName("parity_fix", "action"), SQLDataType.VARCHAR);

		static final Field<String> RULE = field(unquotedName("parity_fix", "rule_text"), SQLDataType.VARCHAR);

		static final Field<String> STATUS = field(unquotedName("parity_fix", "status"), SQLDataType.VARCHAR);

		static final Field<String> BEFORE = field(unquotedName("parity_fix", "before_json"), SQLDataType.VARCHAR);

		static final Field<String> AFTER = field(unquotedName("parity_fix", "after_json"), SQLDataType.VARCHAR);

		static final Field<String> SQL = field(unquotedName("parity_fix", "sql_text"), SQLDataType.VARCHAR);

		static final Field<String> REASON = field(unquotedName("parity_fix", "reason"), SQLDataType.VARCHAR);

		static final Field<String> TRIGGER = field(unquotedName("parity_fix", "trigger_source"), SQLDataType.VARCHAR);

		static final Field<Instant> CREATED_AT = field(unquotedName("parity_fix", "created_at"), SQLDataType.INSTANT);

		static final Field<Instant> FINISHED_AT = field(unquotedName("parity_fix", "finished_at"), SQLDataType.INSTANT);

	}

	static final class FixIntent {

		static final Table<Record> TABLE = table(unquotedName("parity_fix_intent"));

		static final Field<String> CHUNK_REF = field(unquotedName("parity_fix_intent", "chunk_ref"), SQLDataType.VARCHAR);

		static final Field<Long> RUN_ID = field(unquotedName("parity_fix_intent", "run_id"), SQLDataType.BIGINT);

		static final Field<String> TRIGGER = field(unquotedName("parity_fix_intent", "trigger_source"), SQLDataType.VARCHAR);

		static final Field<Instant> CREATED_AT = field(unquotedName("parity_fix_intent", "created_at"), SQLDataType.INSTANT);

		static final Field<String> CHANGES = field(unquotedName("parity_fix_intent", "changes"), SQLDataType.CLOB);

	}

	static final class Candidate {

		static final Table<Record> TABLE = table(unquotedName("parity_diff_candidate"));

		static final Field<Long> ID = field(unquotedName("parity_diff_candidate", "id"), SQLDataType.BIGINT.identity(true));

		static final Field<Long> RUN_ID = field(unquotedName("parity_diff_candidate", "run_id"), SQLDataType.BIGINT);

		static final Field<String> TABLE_NAME = field(unquotedName("parity_diff_candidate", "table_name"), SQLDataType.VARCHAR);

		static final Field<String> KEY_JSON = field(unquotedName("parity_diff_candidate", "key_json"), SQLDataType.VARCHAR);

		static final Field<String> KEY_HASH = field(unquotedName("parity_diff_candidate", "key_hash"), SQLDataType.CHAR(64));

		static final Field<String> REASON = field(unquotedName("parity_diff_candidate", "reason"), SQLDataType.VARCHAR);

		static final Field<String> OUTCOME = field(unquotedName("parity_diff_candidate", "outcome"), SQLDataType.VARCHAR);

		static final Field<Integer> FIELDS_COMPARED = field(unquotedName("parity_diff_candidate", "fields_compared"), SQLDataType.INTEGER);

		static final Field<Integer> FIELDS_MISMATCHED = field(unquotedName("parity_diff_candidate", "fields_mismatched"), SQLDataType.INTEGER);

	}

	static final class Progress {

		static final Table<Record> TABLE = table(unquotedName("parity_diff_progress"));

		static final Field<Long> RUN_ID = field(unquotedName("parity_diff_progress", "run_id"), SQLDataType.BIGINT);

		static final Field<String> PARTITION = field(unquotedName("parity_diff_progress", "partition_name"), SQLDataType.VARCHAR);

		static final Field<String> TABLE_NAME = field(unquotedName("parity_diff_progress", "table_name"), SQLDataType.VARCHAR);

		static final Field<Long> ROWS_SEEN = field(unquotedName("parity_diff_progress", "rows_seen"), SQLDataType.BIGINT);

		static final Field<Long> ROWS_EQUAL = field(unquotedName("parity_diff_progress", "rows_equal"), SQLDataType.BIGINT);

		static final Field<Long> CANDIDATES = field(unquotedName("parity_diff_progress", "candidates"), SQLDataType.BIGINT);

	}

	static final class Snapshot {

		static final Table<Record> TABLE = table(unquotedName("parity_schema_snapshot"));

		static final Field<Long> ID = field(unquotedName("parity_schema_snapshot", "id"), SQLDataType.BIGINT.identity(true));

		static final Field<Long> RUN_ID = field(unquotedName("parity_schema_snapshot", "run_id"), SQLDataType.BIGINT);

		static final Field<String> TABLE_NAME = field(unquotedName("parity_schema_snapshot", "table_name"), SQLDataType.VARCHAR);

		static final Field<String> SOURCE_JSON = field(unquotedName("parity_schema_snapshot", "source_json"), SQLDataType.VARCHAR);

		static final Field<String> TARGET_JSON = field(unquotedName("parity_schema_snapshot", "target_json"), SQLDataType.VARCHAR);

		static final Field<Instant> TAKEN_AT = field(unquotedName("parity_schema_snapshot", "taken_at"), SQLDataType.INSTANT);

	}

	static final class SchemaFindings {

		static final Table<Record> TABLE = table(unquotedName("parity_schema_finding"));

		static final Field<Long> ID = field(unquotedName("parity_schema_finding", "id"), SQLDataType.BIGINT.identity(true));

		static final Field<Long> RUN_ID = field(unquotedName("parity_schema_finding", "run_id"), SQLDataType.BIGINT);

		static final Field<String> TABLE_NAME = field(unquotedName("parity_schema_finding", "table_name"), SQLDataType.VARCHAR);

		static final Field<String> COLUMN_NAME = field(unquotedName("parity_schema_finding", "column_name"), SQLDataType.VARCHAR);

		static final Field<String> SEVERITY = field(unquotedName("parity_schema_finding", "severity"), SQLDataType.VARCHAR);

		static final Field<String> CHANGE = field(unquotedName("parity_schema_finding", "change_text"), SQLDataType.VARCHAR);

		static final Field<String> SOURCE_DEFINITION = field(unquotedName("parity_schema_finding", "source_definition"), SQLDataType.VARCHAR);

		static final Field<String> TARGET_DEFINITION = field(unquotedName("parity_schema_finding", "target_definition"), SQLDataType.VARCHAR);

		static final Field<Instant> FOUND_AT = field(unquotedName("parity_schema_finding", "found_at"), SQLDataType.INSTANT);

	}

	static final class TableState {

		static final Table<Record> TABLE = table(unquotedName("parity_table_state"));

		static final Field<String> TABLE_NAME = field(unquotedName("parity_table_state", "table_name"), SQLDataType.VARCHAR);

		static final Field<Boolean> PAUSED = field(unquotedName("parity_table_state", "paused"), SQLDataType.BOOLEAN);

		static final Field<Instant> PAUSED_AT = field(unquotedName("parity_table_state", "paused_at"), SQLDataType.INSTANT);

		static final Field<String> PAUSED_REASON = field(unquotedName("parity_table_state", "paused_reason"), SQLDataType.VARCHAR);

		static final Field<Instant> RESUMED_AT = field(unquotedName("parity_table_state", "resumed_at"), SQLDataType.INSTANT);

		static final Field<String> RESUMED_BY = field(unquotedName("parity_table_state", "resumed_by"), SQLDataType.VARCHAR);

	}

	static final class SlaSample {

		static final Table<Record> TABLE = table(unquotedName("parity_sla_sample"));

		static final Field<Long> ID = field(unquotedName("parity_sla_sample", "id"), SQLDataType.BIGINT.identity(true));

		static final Field<Instant> MEASURED_AT = field(unquotedName("parity_sla_sample", "measured_at"), SQLDataType.INSTANT);

		static final Field<Long> P95_MS = field(unquotedName("parity_sla_sample", "p95_ms"), SQLDataType.BIGINT);

		static final Field<String> RECORDED_BY = field(unquotedName("parity_sla_sample", "recorded_by"), SQLDataType.VARCHAR);

	}

	static final class CutoverState {

		static final Table<Record> TABLE = table(unquotedName("parity_cutover_state"));

		static final Field<Integer> ID = field(unquotedName("parity_cutover_state", "id"), SQLDataType.INTEGER);

		static final Field<String> PHASE = field(unquotedName("parity_cutover_state", "phase"), SQLDataType.VARCHAR);

		static final Field<Instant> CHANGED_AT = field(unquotedName("parity_cutover_state", "changed_at"), SQLDataType.INSTANT);

		static final Field<String> CHANGED_BY = field(unquotedName("parity_cutover_state", "changed_by"), SQLDataType.VARCHAR);

		static final Field<Long> VERSION = field(unquotedName("parity_cutover_state", "version"), SQLDataType.BIGINT);

	}

	static final class CutoverHistory {

		static final Table<Record> TABLE = table(unquotedName("parity_cutover_history"));

		static final Field<Long> ID = field(unquotedName("parity_cutover_history", "id"), SQLDataType.BIGINT.identity(true));

		static final Field<String> FROM_PHASE = field(unquotedName("parity_cutover_history", "from_phase"), SQLDataType.VARCHAR);

		static final Field<String> TO_PHASE = field(unquotedName("parity_cutover_history", "to_phase"), SQLDataType.VARCHAR);

		static final Field<Double> TARGET_SHARE = field(unquotedName("parity_cutover_history", "target_share"), SQLDataType.DOUBLE);

		static final Field<Instant> CHANGED_AT = field(unquotedName("parity_cutover_history", "changed_at"), SQLDataType.INSTANT);

		static final Field<String> CHANGED_BY = field(unquotedName("parity_cutover_history", "changed_by"), SQLDataType.VARCHAR);

		static final Field<String> REASON = field(unquotedName("parity_cutover_history", "reason"), SQLDataType.VARCHAR);

		static final Field<Long> INCIDENT_ID = field(unquotedName("parity_cutover_history", "incident_id"), SQLDataType.BIGINT);

	}

	static final class CutoverSample {

		static final Table<Record> TABLE = table(unquotedName("parity_cutover_sample"));

		static final Field<Long> ID = field(unquotedName("parity_cutover_sample", "id"), SQLDataType.BIGINT.identity(true));

		static final Field<String> SIGNAL = field(unquotedName("parity_cutover_sample", "signal_name"), SQLDataType.VARCHAR);

		static final Field<Instant> MEASURED_AT = field(unquotedName("parity_cutover_sample", "measured_at"), SQLDataType.INSTANT);

		static final Field<Double> VALUE = field(unquotedName("parity_cutover_sample", "sample_value"), SQLDataType.DOUBLE);

		static final Field<String> RECORDED_BY = field(unquotedName("parity_cutover_sample", "recorded_by"), SQLDataType.VARCHAR);

	}

	static final class CutoverIncident {

		static final Table<Record> TABLE = table(unquotedName("parity_cutover_incident"));

		static final Field<Long> ID = field(unquotedName("parity_cutover_incident", "id"), SQLDataType.BIGINT.identity(true));

		static final Field<String> TRIGGER = field(unquotedName("parity_cutover_incident", "trigger_name"), SQLDataType.VARCHAR);

		static final Field<Instant> FIRED_AT = field(unquotedName("parity_cutover_incident", "fired_at"), SQLDataType.INSTANT);

		static final Field<String> PHASE_BEFORE = field(unquotedName("parity_cutover_incident", "phase_before"), SQLDataType.VARCHAR);

		static final Field<String> ACTOR = field(unquotedName("parity_cutover_incident", "actor"), SQLDataType.VARCHAR);

		static final Field<String> DETAIL = field(unquotedName("parity_cutover_incident", "detail"), SQLDataType.VARCHAR);

		static final Field<String> MEASURED_JSON = field(unquotedName("parity_cutover_incident", "measured_json"), SQLDataType.VARCHAR);

		static final Field<Long> CHECKPOINT_EXECUTION_ID = field(unquotedName("parity_cutover_incident", "checkpoint_execution_id"), SQLDataType.BIGINT);

		static final Field<String> CHECKPOINT_NOTE = field(unquotedName("parity_cutover_incident", "checkpoint_note"), SQLDataType.VARCHAR);

		static final Field<String> WEBHOOK_STATUS = field(unquotedName("parity_cutover_incident", "webhook_status"), SQLDataType.VARCHAR);

	}

	static final class Lag {

		static final Table<Record> TABLE = table(unquotedName("parity_lag"));

		static final Field<Long> ID = field(unquotedName("parity_lag", "id"), SQLDataType.BIGINT.identity(true));

		static final Field<Long> RUN_ID = field(unquotedName("parity_lag", "run_id"), SQLDataType.BIGINT);

		static final Field<String> TABLE_NAME = field(unquotedName("parity_lag", "table_name"), SQLDataType.VARCHAR);

		static final Field<Double> LAG_SECONDS = field(unquotedName("parity_lag", "lag_seconds"), SQLDataType.DOUBLE);

		static final Field<Long> THRESHOLD_SECONDS = field(unquotedName("parity_lag", "threshold_seconds"), SQLDataType.BIGINT);

		static final Field<String> MEASURED_BY = field(unquotedName("parity_lag", "measured_by"), SQLDataType.VARCHAR);

		static final Field<Instant> MEASURED_AT = field(unquotedName("parity_lag", "measured_at"), SQLDataType.INSTANT);

		static final Field<Boolean> ALERTED = field(unquotedName("parity_lag", "alerted"), SQLDataType.BOOLEAN);

	}

	static final class CheckpointT {

		static final Table<Record> TABLE = table(unquotedName("parity_checkpoint"));

		static final Field<Long> NO = field(unquotedName("parity_checkpoint", "checkpoint_no"), SQLDataType.BIGINT);

		static final Field<Long> RUN_ID = field(unquotedName("parity_checkpoint", "run_id"), SQLDataType.BIGINT);

		static final Field<Long> JOB_EXECUTION_ID = field(unquotedName("parity_checkpoint", "job_execution_id"), SQLDataType.BIGINT);

		static final Field<String> STATUS = field(unquotedName("parity_checkpoint", "status"), SQLDataType.VARCHAR);

		static final Field<Instant> CREATED_AT = field(unquotedName("parity_checkpoint", "created_at"), SQLDataType.INSTANT);

		static final Field<Instant> COMPLETED_AT = field(unquotedName("parity_checkpoint", "completed_at"), SQLDataType.INSTANT);

	}

	static final class CheckpointTableT {

		static final Table<Record> TABLE = table(unquotedName("parity_checkpoint_table"));

		static final Field<Long> NO = field(unquotedName("parity_checkpoint_table", "checkpoint_no"), SQLDataType.BIGINT);

		static final Field<String> TABLE_NAME = field(unquotedName("parity_checkpoint_table", "table_name"), SQLDataType.VARCHAR);

		static final Field<String> METHOD = field(unquotedName("parity_checkpoint_table", "method"), SQLDataType.VARCHAR);

		static final Field<String> FALLBACK = field(unquotedName("parity_checkpoint_table", "fallback_reason"), SQLDataType.VARCHAR);

	}

	static final class Manifest {

		static final Table<Record> TABLE = table(unquotedName("parity_checkpoint_partition"));

		static final Field<Long> NO = field(unquotedName("parity_checkpoint_partition", "checkpoint_no"), SQLDataType.BIGINT);

		static final Field<String> TABLE_NAME = field(unquotedName("parity_checkpoint_partition", "table_name"), SQLDataType.VARCHAR);

		static final Field<Integer> PARTITION_NO = field(unquotedName("parity_checkpoint_partition", "partition_no"), SQLDataType.INTEGER);

		static final Field<Integer> CHUNK_NO = field(unquotedName("parity_checkpoint_partition", "chunk_no"), SQLDataType.INTEGER);

		static final Field<String> LOWER = field(unquotedName("parity_checkpoint_partition", "lower_json"), SQLDataType.VARCHAR);

		static final Field<String> UPPER = field(unquotedName("parity_checkpoint_partition", "upper_json"), SQLDataType.VARCHAR);

		static final Field<Long> SOURCE_COUNT = field(unquotedName("parity_checkpoint_partition", "source_count"), SQLDataType.BIGINT);

		static final Field<String> SOURCE_HASH = field(unquotedName("parity_checkpoint_partition", "source_hash"), SQLDataType.VARCHAR);

		static final Field<Long> TARGET_COUNT = field(unquotedName("parity_checkpoint_partition", "target_count"), SQLDataType.BIGINT);

		static final Field<String> TARGET_HASH = field(unquotedName("parity_checkpoint_partition", "target_hash"), SQLDataType.VARCHAR);

		static final Field<Long> ROWS_FETCHED = field(unquotedName("parity_checkpoint_partition", "rows_fetched"), SQLDataType.BIGINT);

		static final Field<Long> BYTES_FETCHED = field(unquotedName("parity_checkpoint_partition", "bytes_fetched"), SQLDataType.BIGINT);

		static final Field<Integer> LEAVES = field(unquotedName("parity_checkpoint_partition", "leaves"), SQLDataType.INTEGER);

		static final Field<Long> LARGEST_LEAF = field(unquotedName("parity_checkpoint_partition", "largest_leaf"), SQLDataType.BIGINT);

		static final Field<Double> SECONDS = field(unquotedName("parity_checkpoint_partition", "seconds"), SQLDataType.DOUBLE);

	}

	static final class RunLock {

		static final Table<Record> TABLE = table(unquotedName("parity_run_lock"));

		static final Field<String> NAME = field(unquotedName("parity_run_lock", "lock_name"), SQLDataType.VARCHAR);

		static final Field<String> TOKEN = field(unquotedName("parity_run_lock", "token"), SQLDataType.VARCHAR);

		static final Field<String> JOB_NAME = field(unquotedName("parity_run_lock", "job_name"), SQLDataType.VARCHAR);

		static final Field<Long> EXECUTION_ID = field(unquotedName("parity_run_lock", "execution_id"), SQLDataType.BIGINT);

		static final Field<String> PROCESS = field(unquotedName("parity_run_lock", "process"), SQLDataType.VARCHAR);

		static final Field<String> TRIGGER = field(unquotedName("parity_run_lock", "trigger_source"), SQLDataType.VARCHAR);

		static final Field<Instant> ACQUIRED_AT = field(unquotedName("parity_run_lock", "acquired_at"), SQLDataType.INSTANT);

	}

}
