-- Up Migration
-- Outgoing e-mail (libs/email). A delivery row is written in the same transaction as the decision
-- to send, under a unique idempotency key: re-running a job (after a crash, or twice) finds the
-- row and sends nothing new. The sender claims queued rows with FOR UPDATE SKIP LOCKED.
-- The rendered message is kept with the row so the sender needs no templates or domain data.

CREATE TYPE email_delivery_status AS ENUM ('queued', 'sent', 'failed', 'suppressed');

CREATE TABLE email_deliveries (
  idempotency_key text PRIMARY KEY,
  -- invitation, email-verification, password-reset, added-to-project, digest
  kind text NOT NULL,
  -- The user the mail is about (digests are looked up by it); no foreign key: the row is a log.
  user_id uuid,
  recipient text NOT NULL,
  -- The mailing list of the message ('digest'), or null for transactional mail.
  list text,
  message jsonb NOT NULL,
  -- Derived from the idempotency key, so a resend after a crash carries the same Message-ID.
  message_id text NOT NULL,
  status email_delivery_status NOT NULL DEFAULT 'queued',
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  available_at timestamptz(3) NOT NULL DEFAULT now(),
  -- Digests: the end of the window of notifications this digest covers.
  window_end timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  sent_at timestamptz(3)
);

CREATE INDEX email_deliveries_status_available_at_idx ON email_deliveries (status, available_at);
CREATE INDEX email_deliveries_user_id_kind_window_end_idx ON email_deliveries (user_id, kind, window_end);

CREATE TYPE email_suppression_reason AS ENUM ('bounce', 'complaint', 'unsubscribe');

-- Addresses not to mail: every send checks it. list '*' blocks all mail to the address (bounces,
-- complaints); a list name ('digest') blocks only that list (one-click unsubscribe), so password
-- resets still reach someone who unsubscribed from digests.
CREATE TABLE email_suppressions (
  address text NOT NULL,
  list text NOT NULL DEFAULT '*',
  reason email_suppression_reason NOT NULL,
  detail text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (address, list)
);
