-- Up Migration
-- "View as": a staff member looks at what a customer sees, read-only, for a limited time. The
-- grant records both identities (and the reason); the event it raises reaches the customer's
-- audit log.

CREATE TABLE staff_view_as_grants (
  id uuid PRIMARY KEY,
  staff_user_id uuid NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  reason text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL
);

CREATE INDEX staff_view_as_grants_staff_user_id_idx ON staff_view_as_grants (staff_user_id);
CREATE INDEX staff_view_as_grants_user_id_idx ON staff_view_as_grants (user_id);
