-- Reconcile intents, one row per chunk (replacing one parity_fix row per change written as INTENT and
-- updated to CONFIRMED). Before a chunk's target transaction, its changes are recorded here as one
-- JSON document (table, key, discrepancies, action, rule, the target rows before and the rows expected
-- after) in a control transaction of its own. After the target commit, one control transaction deletes
-- the document and writes the chunk's parity_fix rows (CONFIRMED or FAILED) with one audit row per
-- confirmed change. A document still here was left by an interrupted run: the next run's recovery step
-- re-reads the target and settles each change (CONFIRMED with its audit row, or ABANDONED), then
-- deletes it. The happy path thus writes one control row per chunk before the target commit instead of
-- one per change, and never updates parity_fix. Per engine only because of the document's type.
CREATE TABLE parity_fix_intent (
    chunk_ref        VARCHAR(64)   NOT NULL PRIMARY KEY,
    run_id           BIGINT        NOT NULL REFERENCES parity_run (id),
    trigger_source   VARCHAR(200)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    changes          TEXT NOT NULL
);
-- A document lives for one chunk (deleted after the target commit): stored out of line uncompressed,
-- since compressing ~300 KB per chunk (pglz) cost more than writing it.
ALTER TABLE parity_fix_intent ALTER COLUMN changes SET STORAGE EXTERNAL;
