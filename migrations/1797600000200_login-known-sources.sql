-- Up Migration
-- Client addresses a user has signed in from with the right password. The account-wide login
-- budget (LOGIN_MAX_FAILURES_PER_USER) throttles only attempts from other addresses, so an
-- attacker guessing from many addresses cannot lock the user out of the places they use.
CREATE TABLE login_known_sources (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  ip text NOT NULL,
  first_success_at timestamptz(3) NOT NULL DEFAULT now(),
  last_success_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, ip)
);
-- The prune job forgets addresses unused for a long time.
CREATE INDEX login_known_sources_last_success_at_idx ON login_known_sources (last_success_at);
