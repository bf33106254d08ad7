/**
 * Database objects that the migrations create on purpose although Prisma cannot describe them.
 * The drift check accepts exactly these (same table, columns, uniqueness and WHERE clause) and
 * reports anything else it finds in the database beyond the Prisma schema. Keep each entry
 * beside the reason it exists; an entry whose index is no longer in the database is reported
 * too, so the list cannot go stale.
 */
export interface AllowedDatabaseOnlyIndex {
  table: string;
  name: string;
  unique: boolean;
  columns: string[];
  /** The WHERE clause as pg_get_expr prints it. */
  predicate?: string;
  reason: string;
}

export const DATABASE_ONLY_INDEXES: readonly AllowedDatabaseOnlyIndex[] = [
  {
    table: 'memberships',
    name: 'memberships_one_owner_per_account',
    unique: true,
    columns: ['account_id'],
    predicate: "(role = 'owner'::membership_role)",
    reason:
      'At most one owner per account (migrations/1763750000000_foundation.sql). A partial unique ' +
      'index: Prisma has no syntax for a WHERE clause on @@unique or @@index.',
  },
  {
    table: 'upload_sessions',
    name: 'upload_sessions_open_asset_key',
    unique: true,
    columns: ['asset_id'],
    predicate: "(status = 'open'::text)",
    reason:
      'One open upload per file (migrations/1797400000100_upload-sessions.sql); partial, like ' +
      'the one above.',
  },
  {
    table: 'upload_sessions',
    name: 'upload_sessions_open_created_idx',
    unique: false,
    columns: ['created_at'],
    predicate: "(status = 'open'::text)",
    reason: 'The sweep of abandoned uploads reads open sessions oldest first; partial.',
  },
  {
    table: 'comments',
    name: 'comments_live_asset_author_id_idx',
    unique: false,
    columns: ['asset_id', 'author_id', 'id'],
    predicate: '((deleted_at IS NULL) AND (author_id IS NOT NULL))',
    reason:
      "An asset's followers: one probe per distinct signed-in author of its live comments " +
      '(migrations/1798000000100_comment-followers-index.sql, followers.sql.ts); partial.',
  },
];

/** Tables the database has that are not part of the application's model. */
export const IGNORED_TABLES: readonly { name: string; reason: string }[] = [
  {
    name: 'pgmigrations',
    reason: "node-pg-migrate's record of applied migrations (libs/db/src/migrate.ts).",
  },
];
