-- Every run's schemaStep keeps one snapshot per table pair, and the next run reads each table's latest
-- (and, before a run, whether a table has any): without an index each of those read every snapshot of
-- every table ever taken, a cost per table that grew with the number of tables times the runs.
CREATE INDEX parity_schema_snapshot_table ON parity_schema_snapshot (table_name, id);
