-- Up Migration
-- User attributes of the legacy store that the /v1 contract (the Munger) still serves and that no
-- column held: whether the email was confirmed, the last sign-in, and the user's settings object.
-- The migrator (tools/dynasaur) fills them from the legacy records; new sign-ups get the defaults;
-- signing in sets last_login_at.

ALTER TABLE users ADD COLUMN email_confirmed boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN last_login_at timestamptz(3);
ALTER TABLE users ADD COLUMN settings jsonb;
