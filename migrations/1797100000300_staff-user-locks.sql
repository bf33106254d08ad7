-- Up Migration
-- A lock support put on a user with an end: sign-in unlocks the user once it has passed (the
-- lock itself is users.status = 'locked'; a lock without an end has no row here).

CREATE TABLE staff_user_locks (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  locked_until timestamptz(3) NOT NULL,
  reason text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
