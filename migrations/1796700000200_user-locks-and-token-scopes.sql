-- Up Migration
-- A lock may end by itself (support locks a user "for 24 hours"); NULL with status 'locked' is
-- until unlocked. The reason is for staff, never shown to the user.
ALTER TABLE users
  ADD COLUMN locked_until timestamptz(3),
  ADD COLUMN lock_reason text;

-- Personal API tokens: what they may do ('read': GET only, on every transport) and when they end.
ALTER TABLE api_tokens
  ADD COLUMN scope text NOT NULL DEFAULT 'write' CHECK (scope IN ('read', 'write')),
  ADD COLUMN expires_at timestamptz(3);
