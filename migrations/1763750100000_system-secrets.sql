-- Up Migration
-- Secrets the platform generates for itself when none is configured (e.g. the JWT signing key),
-- kept in the database so that every instance shares them.
CREATE TABLE system_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
