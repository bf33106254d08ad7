-- Up Migration
-- Support Tool staff (libs/core/src/staff): identities apart from customers. A staff member signs
-- in with a password and a mandatory TOTP code; sessions are opaque tokens (only their SHA-256 is
-- stored) with an idle timeout and an absolute lifetime, each with its own CSRF token.

CREATE TYPE staff_role AS ENUM ('support', 'admin');

CREATE TABLE staff_users (
  id uuid PRIMARY KEY,
  -- Always stored lower-cased.
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  role staff_role NOT NULL,
  password_hash text NOT NULL,
  -- Base32 TOTP secret (RFC 6238). Needed in clear to verify codes.
  totp_secret text NOT NULL,
  -- The last TOTP time step accepted: a code is never accepted twice.
  totp_last_step bigint,
  -- Lock-out: consecutive failed sign-ins, and until when sign-in is refused.
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz(3),
  disabled_at timestamptz(3),
  last_sign_in_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE staff_sessions (
  id uuid PRIMARY KEY,
  staff_user_id uuid NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  token_hash text NOT NULL UNIQUE,
  csrf_token text NOT NULL,
  ip text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  last_seen_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL,
  revoked_at timestamptz(3)
);

CREATE INDEX staff_sessions_staff_user_id_idx ON staff_sessions (staff_user_id);
