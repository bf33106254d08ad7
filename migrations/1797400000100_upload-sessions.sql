-- Up Migration
-- Object storage for file assets. `assets.storage_key` is where a file's original is stored (set
-- when its upload completes; copies share it; null for files whose bytes never reached storage).
-- An upload session is one multipart upload into storage: what the client announced (size, part
-- size) so completion can be checked against what storage really holds.

ALTER TABLE assets ADD COLUMN storage_key text;

CREATE TABLE upload_sessions (
  id uuid PRIMARY KEY,
  asset_id uuid NOT NULL REFERENCES assets (id) ON DELETE CASCADE ON UPDATE CASCADE,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE ON UPDATE CASCADE,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE ON UPDATE CASCADE,
  object_key text NOT NULL,
  storage_upload_id text NOT NULL,
  filesize bigint NOT NULL CHECK (filesize > 0),
  part_size bigint NOT NULL CHECK (part_size > 0),
  part_count integer NOT NULL CHECK (part_count BETWEEN 1 AND 10000),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'aborted')),
  created_by_id uuid REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  ended_at timestamptz(3)
);

-- One open upload per file at a time.
CREATE UNIQUE INDEX upload_sessions_open_asset_key ON upload_sessions (asset_id) WHERE status = 'open';
-- The sweep of abandoned uploads reads open sessions oldest first.
CREATE INDEX upload_sessions_open_created_idx ON upload_sessions (created_at) WHERE status = 'open';
