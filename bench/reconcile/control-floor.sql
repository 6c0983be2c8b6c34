-- bench/reconcile/control-floor.sql — what the control database's own writes for 100,000 fixes cost,
-- measured inside PostgreSQL (no network, no Java): the writes reconcileJob makes, set-based, in chunks
-- of 1,000 like the job. Per chunk: the intent document (one row, inserted before the target
-- transaction, deleted after it); per fix: its journal row (parity_fix, CONFIRMED), its audit row
-- (parity_audit, with the rows before and after) and its discrepancy's status. Run it on the control
-- database of a PostgreSQL-control reconcile bench (it copies that run's journal rows for realistic
-- sizes), then everything is rolled back:
--   BENCH_CONTROL_URL="jdbc:postgresql://127.0.0.1:5432/parity_bench_control?user=postgres" bench/reconcile/run.sh
--   psql -h 127.0.0.1 -U postgres -d parity_bench_control -f bench/reconcile/control-floor.sql
-- It prints one NOTICE with the time of each kind of write and their total.
BEGIN;
UPDATE parity_discrepancy SET status = 'OPEN';
DO $$
DECLARE
  c int; t0 timestamptz; doc interval := '0'; fix interval := '0'; aud interval := '0'; st interval := '0';
  minid bigint; mind bigint;
BEGIN
  SELECT min(id) INTO minid FROM parity_fix;
  SELECT min(id) INTO mind FROM parity_discrepancy;
  FOR c IN 0..99 LOOP
    t0 := clock_timestamp();
    INSERT INTO parity_fix_intent (chunk_ref, run_id, trigger_source, created_at, changes)
      SELECT 'sim:' || c, min(run_id), 'sim', now(), json_agg(json_build_object('position', position, 'table', table_name,
          'key', key_json, 'discrepancyIds', discrepancy_ids, 'action', action, 'rule', rule_text, 'before', before_json,
          'after', after_json))::text
      FROM parity_fix WHERE id >= minid + c * 1000 AND id < minid + (c + 1) * 1000;
    DELETE FROM parity_fix_intent WHERE chunk_ref = 'sim:' || c;
    doc := doc + (clock_timestamp() - t0); t0 := clock_timestamp();
    INSERT INTO parity_fix (run_id, chunk_ref, position, table_name, key_json, discrepancy_id, discrepancy_ids, action, rule_text,
        status, before_json, after_json, trigger_source, created_at, finished_at)
      SELECT run_id, 'sim:' || c, (id - minid - c * 1000)::int, table_name, key_json, discrepancy_id, discrepancy_ids, action, rule_text,
        'CONFIRMED', before_json, after_json, trigger_source, now(), now()
      FROM parity_fix WHERE id >= minid + c * 1000 AND id < minid + (c + 1) * 1000;
    fix := fix + (clock_timestamp() - t0); t0 := clock_timestamp();
    INSERT INTO parity_audit (occurred_at, actor, action, table_name, discrepancy_id, run_id, detail, fix_id, key_json, rule_text, trigger_source, before_json, after_json)
      SELECT finished_at, trigger_source, 'reconcile-' || lower(action), table_name, discrepancy_id, run_id, 'discrepancies ' || discrepancy_ids, id, key_json, rule_text, trigger_source, before_json, after_json
      FROM parity_fix WHERE chunk_ref = 'sim:' || c AND status = 'CONFIRMED';
    aud := aud + (clock_timestamp() - t0); t0 := clock_timestamp();
    UPDATE parity_discrepancy SET status = 'RESOLVED', status_changed_at = now(), status_changed_by = 'sim', status_reason = 'repaired by reconcile run 9'
      WHERE id = ANY (ARRAY(SELECT generate_series(mind + c * 1000, mind + c * 1000 + 999))) AND status = 'OPEN';
    st := st + (clock_timestamp() - t0);
  END LOOP;
  RAISE NOTICE 'intent documents %, journal rows %, audit rows %, discrepancy status %, total %', doc, fix, aud, st, doc + fix + aud + st;
END $$;
ROLLBACK;
