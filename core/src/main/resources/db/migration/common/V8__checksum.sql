-- The weekly checksum's checkpoints: every run stores its partition manifest (bounds, count and hash
-- per side) as a numbered checkpoint, so that two checkpoints can be compared later.

CREATE TABLE parity_checkpoint (
    checkpoint_no     BIGINT       NOT NULL PRIMARY KEY,
    run_id            BIGINT       NOT NULL REFERENCES parity_run (id),
    job_execution_id  BIGINT,
    status            VARCHAR(16)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT parity_checkpoint_run UNIQUE (run_id)
);

-- One row per table of a checkpoint: how it was hashed (SQL in both databases, or in Parity) and why.
CREATE TABLE parity_checkpoint_table (
    checkpoint_no     BIGINT        NOT NULL REFERENCES parity_checkpoint (checkpoint_no),
    table_name        VARCHAR(255)  NOT NULL,
    method            VARCHAR(8)    NOT NULL,
    fallback_reason   VARCHAR(2000),
    CONSTRAINT parity_checkpoint_table_pk PRIMARY KEY (checkpoint_no, table_name)
);

-- The manifest: one row per checksummed chunk, in key order (partition, then chunk).
CREATE TABLE parity_checkpoint_partition (
    checkpoint_no     BIGINT        NOT NULL REFERENCES parity_checkpoint (checkpoint_no),
    table_name        VARCHAR(255)  NOT NULL,
    partition_no      INT           NOT NULL,
    chunk_no          INT           NOT NULL,
    lower_json        VARCHAR(4000),
    upper_json        VARCHAR(4000),
    source_count      BIGINT        NOT NULL,
    source_hash       VARCHAR(40)   NOT NULL,
    target_count      BIGINT        NOT NULL,
    target_hash       VARCHAR(40)   NOT NULL,
    rows_fetched      BIGINT        NOT NULL,
    bytes_fetched     BIGINT        NOT NULL,
    leaves            INT           NOT NULL,
    largest_leaf      BIGINT        NOT NULL,
    seconds           DOUBLE PRECISION NOT NULL,
    CONSTRAINT parity_checkpoint_partition_pk PRIMARY KEY (checkpoint_no, table_name, partition_no, chunk_no)
);
