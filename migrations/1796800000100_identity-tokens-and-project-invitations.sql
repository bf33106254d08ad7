-- Up Migration
-- Consent and verification (issue 12).
--
-- user_tokens: single-use, expiring links sent by e-mail (email verification, password reset).
-- Only a SHA-256 digest of the token is stored; the token itself exists only in the mail.
-- `email` is the address the link was sent to: a link for an address the user no longer has
-- does nothing.
CREATE TABLE user_tokens (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('email_verification', 'password_reset')),
  token_hash text NOT NULL UNIQUE,
  email text NOT NULL,
  expires_at timestamptz(3) NOT NULL,
  used_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX user_tokens_user_id_purpose_idx ON user_tokens (user_id, purpose);

-- users.email_confirmed (the legacy attribute) is the verified flag: migrated users keep what
-- the legacy system knew; new users start unverified and verify through the e-mailed link.

-- An invitation may also invite into one project, as a collaborator with a project role,
-- instead of into the account: adding someone who is not a member of the account needs their
-- consent. Such an invitation grants the project role only (no account membership).
ALTER TABLE invitations
  ADD COLUMN project_id uuid REFERENCES projects (id) ON DELETE CASCADE ON UPDATE CASCADE,
  ADD COLUMN project_role project_role,
  ADD CONSTRAINT invitations_project_role_check CHECK ((project_id IS NULL) = (project_role IS NULL));
CREATE INDEX invitations_project_id_idx ON invitations (project_id);
