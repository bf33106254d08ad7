-- Up Migration
-- The followers of an asset (libs/consumers/notifications/src/planners/followers.sql.ts) are its
-- creator and the distinct signed-in authors of its live comments. This index holds exactly those
-- comments, ordered by author then id, so the planner can step from one author to the next
-- (a loose index scan: one probe per distinct author, not one row per comment) and check each
-- author's oldest comment (`id` is a UUIDv7: older sorts first) against "older than this one".
CREATE INDEX comments_live_asset_author_id_idx ON comments (asset_id, author_id, id)
  WHERE deleted_at IS NULL AND author_id IS NOT NULL;

