-- Up Migration
-- What the event consumers (libs/consumers/*) keep: the audit log, analytics track records (the
-- default sink), in-app notifications with their e-mail schedule and users' preferences, and
-- per-account usage. Each table is keyed so that a redelivered event has no second effect.

-- Append-only: one entry per event, keyed by the event id.
CREATE TABLE audit_log (
  event_id uuid PRIMARY KEY,
  account_id uuid,
  action text NOT NULL,
  actor_type text NOT NULL,
  actor_id text,
  -- An API token's id, an anonymous reviewer's display name: whatever else names the actor.
  actor_detail text,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  team_id uuid,
  project_id uuid,
  -- The event's payload with secrets removed.
  details jsonb NOT NULL DEFAULT '{}',
  request_id text,
  ip text,
  occurred_at timestamptz(3) NOT NULL,
  recorded_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_account_id_occurred_at_idx ON audit_log (account_id, occurred_at);
CREATE INDEX audit_log_account_id_action_occurred_at_idx ON audit_log (account_id, action, occurred_at);
CREATE INDEX audit_log_subject_type_subject_id_idx ON audit_log (subject_type, subject_id);
CREATE INDEX audit_log_occurred_at_idx ON audit_log (occurred_at);

-- Segment-style track records (the default analytics sink), keyed by messageId = event id.
CREATE TABLE analytics_events (
  message_id uuid PRIMARY KEY,
  event text NOT NULL,
  user_id text,
  anonymous_id text,
  account_id uuid,
  properties jsonb NOT NULL DEFAULT '{}',
  "timestamp" timestamptz(3) NOT NULL,
  received_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX analytics_events_timestamp_idx ON analytics_events ("timestamp");

CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  -- The event that caused it: one notification per user and event, however often delivered.
  event_id uuid NOT NULL,
  kind text NOT NULL,
  account_id uuid,
  project_id uuid,
  asset_id uuid,
  comment_id uuid,
  actor_id uuid,
  actor_name text NOT NULL,
  title text NOT NULL,
  body text,
  read_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX notifications_user_id_event_id_key ON notifications (user_id, event_id);
CREATE INDEX notifications_user_id_created_at_idx ON notifications (user_id, created_at);

-- Users' choices per kind, as a whole document: defaults and per-project overrides.
CREATE TABLE notification_settings (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  preferences jsonb NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);

-- E-mails to send and when (immediately, or with the next hourly/daily digest); the digest job
-- sends them and stamps sent_at.
CREATE TABLE notification_emails (
  notification_id uuid PRIMARY KEY REFERENCES notifications (id) ON DELETE CASCADE ON UPDATE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  cadence text NOT NULL,
  send_after timestamptz(3) NOT NULL,
  sent_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX notification_emails_sent_at_send_after_idx ON notification_emails (sent_at, send_after);

-- Per account, kept current from asset events (and recomputable by the reconcile command).
CREATE TABLE account_usage (
  account_id uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE ON UPDATE CASCADE,
  storage_bytes bigint NOT NULL DEFAULT 0,
  asset_count integer NOT NULL DEFAULT 0,
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
