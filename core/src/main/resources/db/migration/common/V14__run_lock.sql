-- One run at a time (issue 18): at most one execution of a job that writes verdicts or repairs
-- (counts, diff, checksum, reconcile, schema) runs per control database. The row IS the lock: taking it
-- is one INSERT, which the primary key makes atomic on H2 and PostgreSQL alike, whatever launched the
-- job (CLI, console, API, schedule) and from whichever process or host. Taken before the job reads
-- anything, bound to the job execution when it begins, deleted when it ends; a holder whose process is
-- known gone (on the same host) is recovered, one from another host is named with `./parity abandon`.
CREATE TABLE parity_run_lock (
    lock_name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    token           VARCHAR(64)  NOT NULL,
    job_name        VARCHAR(100) NOT NULL,
    execution_id    BIGINT,
    process         VARCHAR(500),
    trigger_source  VARCHAR(200),
    acquired_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
