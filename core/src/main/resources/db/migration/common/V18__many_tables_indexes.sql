-- Indexes for runs over many tables, whose per-table reads otherwise scanned a history that grows
-- with every run (tables x runs):
-- * each run's schemaStep keeps one snapshot per table pair and reads each table's latest (and, before
--   a run, whether a table has any);
-- * Spring Batch looks up the previous execution of every partition step by job instance and step
--   name (a diff or checksum creates one partition step per table, at least); PostgreSQL, unlike H2,
--   does not index the foreign keys it joins on.
CREATE INDEX parity_schema_snapshot_table ON parity_schema_snapshot (table_name, id);
CREATE INDEX parity_batch_step_execution_name ON BATCH_STEP_EXECUTION (JOB_EXECUTION_ID, STEP_NAME);
CREATE INDEX parity_batch_job_execution_instance ON BATCH_JOB_EXECUTION (JOB_INSTANCE_ID);
