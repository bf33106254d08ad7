-- Up Migration
-- What Dynasaur (tools/dynasaur) did, for the Support Tool's Operations page: one row per run
-- (written when it starts, finished when it ends), its per-table counts (written as each table
-- finishes) and a few rejected records per table and reason (their raw records are redacted as
-- in Dynasaur's rejects: no password digests). Its working state (checkpoints, every reject) stays
-- in the `dynasaur` schema, which is dropped once the migration is over; this history is not.

CREATE TABLE dynasaur_runs (
  id uuid PRIMARY KEY,
  command text NOT NULL,
  -- fresh, resume or restart
  mode text NOT NULL,
  source text NOT NULL,
  tables text[] NOT NULL,
  state text NOT NULL DEFAULT 'running'
    CHECK (state IN ('running', 'succeeded', 'stopped', 'failed')),
  error text,
  host text,
  started_at timestamptz(3) NOT NULL DEFAULT now(),
  finished_at timestamptz(3)
);
CREATE INDEX dynasaur_runs_started_at_idx ON dynasaur_runs (started_at DESC);

CREATE TABLE dynasaur_run_tables (
  run_id uuid NOT NULL REFERENCES dynasaur_runs (id) ON DELETE CASCADE ON UPDATE CASCADE,
  table_name text NOT NULL,
  read bigint NOT NULL,
  migrated bigint NOT NULL,
  rejected bigint NOT NULL,
  rejected_by_reason jsonb NOT NULL DEFAULT '{}',
  repairs jsonb NOT NULL DEFAULT '{}',
  bytes bigint NOT NULL,
  seconds double precision NOT NULL,
  limited boolean NOT NULL DEFAULT false,
  -- Done by an earlier run (nothing to do), or stopped part-way (resume continues it).
  skipped boolean NOT NULL DEFAULT false,
  stopped boolean NOT NULL DEFAULT false,
  finished_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (run_id, table_name)
);

CREATE TABLE dynasaur_reject_samples (
  run_id uuid NOT NULL REFERENCES dynasaur_runs (id) ON DELETE CASCADE ON UPDATE CASCADE,
  table_name text NOT NULL,
  reason text NOT NULL,
  ordinal integer NOT NULL,
  legacy_id text,
  field text,
  message text NOT NULL,
  stage text NOT NULL,
  raw jsonb,
  PRIMARY KEY (run_id, table_name, reason, ordinal)
);
