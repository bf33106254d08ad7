-- Up Migration
-- One lock mechanism: users.status = 'locked' says a user is locked, and staff_user_locks (one row
-- per timed lock, written by LockUserCommand) says when such a lock ends. users.locked_until and
-- users.lock_reason were read but never written; a second, silent source of truth is dropped.
ALTER TABLE users
  DROP COLUMN locked_until,
  DROP COLUMN lock_reason;
