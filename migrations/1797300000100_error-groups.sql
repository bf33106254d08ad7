-- Up Migration
-- Uncaught errors grouped by fingerprint (libs/alerting): how often and when each group occurred,
-- whether staff marked it resolved (and it came back: regressed), and how far its alert mails
-- have covered it (alerted_occurrences) so that a burst is mailed once plus one summary.

CREATE TABLE error_groups (
  fingerprint text PRIMARY KEY,
  error_class text NOT NULL,
  message text NOT NULL,
  frames text[] NOT NULL DEFAULT '{}',
  source text NOT NULL,
  sample_stack text,
  occurrences bigint NOT NULL DEFAULT 0,
  alerted_occurrences bigint NOT NULL DEFAULT 0,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved', 'regressed')),
  first_seen_at timestamptz(3) NOT NULL DEFAULT now(),
  last_seen_at timestamptz(3) NOT NULL DEFAULT now(),
  resolved_at timestamptz(3),
  regressed_at timestamptz(3),
  last_alerted_at timestamptz(3)
);

