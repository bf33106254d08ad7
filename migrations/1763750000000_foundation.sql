-- Up Migration
-- The foundation: accounts context, auth tokens, login throttling and the event outbox.

CREATE TYPE account_plan AS ENUM ('free', 'pro', 'team', 'enterprise');
CREATE TYPE user_status AS ENUM ('active', 'locked');
CREATE TYPE membership_role AS ENUM ('owner', 'admin', 'member');

CREATE TABLE accounts (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  plan account_plan NOT NULL DEFAULT 'free',
  storage_limit_bytes bigint NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  password_hash text,
  status user_status NOT NULL DEFAULT 'active',
  timezone text NOT NULL DEFAULT 'UTC',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT users_email_lowercase CHECK (email = lower(email))
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE memberships (
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE ON UPDATE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  role membership_role NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT memberships_pkey PRIMARY KEY (account_id, user_id)
);
CREATE INDEX memberships_user_id_idx ON memberships (user_id);

CREATE TABLE teams (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE ON UPDATE CASCADE,
  name text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX teams_account_id_idx ON teams (account_id);

CREATE TABLE team_members (
  team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE ON UPDATE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT team_members_pkey PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user_id_idx ON team_members (user_id);

CREATE TABLE invitations (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE ON UPDATE CASCADE,
  team_id uuid REFERENCES teams (id) ON DELETE SET NULL ON UPDATE CASCADE,
  email text NOT NULL,
  role membership_role NOT NULL,
  token_hash text NOT NULL,
  invited_by_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  expires_at timestamptz(3) NOT NULL,
  accepted_at timestamptz(3),
  accepted_by_id uuid REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
  revoked_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX invitations_token_hash_key ON invitations (token_hash);
CREATE INDEX invitations_account_id_created_at_idx ON invitations (account_id, created_at);

CREATE TABLE refresh_tokens (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  family_id uuid NOT NULL,
  token_hash text NOT NULL,
  expires_at timestamptz(3) NOT NULL,
  rotated_at timestamptz(3),
  revoked_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX refresh_tokens_token_hash_key ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family_id_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_id_idx ON refresh_tokens (user_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL,
  last_used_at timestamptz(3),
  revoked_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX api_tokens_token_hash_key ON api_tokens (token_hash);
CREATE INDEX api_tokens_user_id_created_at_idx ON api_tokens (user_id, created_at);

CREATE TABLE login_throttles (
  key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  window_started_at timestamptz(3) NOT NULL DEFAULT now(),
  blocked_until timestamptz(3)
);

CREATE TABLE events (
  id uuid PRIMARY KEY,
  position bigserial NOT NULL,
  name text NOT NULL,
  schema_version integer NOT NULL,
  occurred_at timestamptz(3) NOT NULL,
  actor jsonb NOT NULL,
  account_id uuid,
  team_id uuid,
  project_id uuid,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  payload jsonb NOT NULL,
  request_id text,
  ip text
);
CREATE UNIQUE INDEX events_position_key ON events (position);
CREATE INDEX events_occurred_at_idx ON events (occurred_at);
CREATE INDEX events_account_id_position_idx ON events (account_id, position);
CREATE INDEX events_subject_type_subject_id_position_idx ON events (subject_type, subject_id, position);

-- A database-only guard Prisma cannot model (a partial unique index): one owner per account.
CREATE UNIQUE INDEX memberships_one_owner_per_account ON memberships (account_id) WHERE role = 'owner';
