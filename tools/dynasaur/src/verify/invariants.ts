import type { LegacyTableName } from '@dailies/legacy';

/**
 * What the migration's rules guarantee about the migrated data, checked by `verify`. Each query
 * returns one row (`example`) per violation.
 */
export const INVARIANTS: { name: string; table: LegacyTableName; sql: string }[] = [
  {
    name: 'every migrated project has its root folder',
    table: 'assets',
    sql: `SELECT p.legacy_id AS example FROM projects p LEFT JOIN assets a ON a.id = p.root_asset_id
          WHERE p.legacy_id IS NOT NULL AND (a.id IS NULL OR a.project_id <> p.id OR a.parent_id IS NOT NULL
                OR a.type <> 'folder' OR a.deleted_at IS NOT NULL)`,
  },
  {
    name: 'only the root folder has no parent',
    table: 'assets',
    sql: `SELECT coalesce(a.legacy_id, a.id::text) AS example FROM assets a JOIN projects p ON p.id = a.project_id
          WHERE p.legacy_id IS NOT NULL AND a.parent_id IS NULL AND a.id <> p.root_asset_id`,
  },
  {
    name: 'parents are folders or stacks of the same project',
    table: 'assets',
    sql: `SELECT a.legacy_id AS example FROM assets a JOIN assets par ON par.id = a.parent_id
          WHERE a.legacy_id IS NOT NULL AND (par.project_id <> a.project_id OR par.type = 'file'
                OR (par.type = 'version_stack' AND a.type <> 'file'))`,
  },
  {
    name: 'sibling order is unique',
    table: 'assets',
    sql: `SELECT min(a.legacy_id) AS example FROM assets a WHERE a.legacy_id IS NOT NULL AND a.parent_id IS NOT NULL
          GROUP BY a.parent_id, a.sort_order HAVING count(*) > 1`,
  },
  {
    name: 'versions of a stack are 1..n',
    table: 'assets',
    sql: `SELECT s.legacy_id AS example FROM assets s JOIN assets v ON v.parent_id = s.id
          WHERE s.type = 'version_stack' AND s.legacy_id IS NOT NULL
          GROUP BY s.id, s.legacy_id HAVING min(v.version) <> 1 OR max(v.version) <> count(*)
                                         OR count(DISTINCT v.version) <> count(*)`,
  },
  {
    name: 'a trashed asset lies in a trashed subtree',
    table: 'assets',
    sql: `SELECT a.legacy_id AS example FROM assets a LEFT JOIN assets par ON par.id = a.parent_id
          WHERE a.legacy_id IS NOT NULL AND ((a.deleted_at IS NULL) <> (a.trash_root_id IS NULL)
                OR (par.trash_root_id IS NOT NULL AND a.trash_root_id IS DISTINCT FROM par.trash_root_id))`,
  },
  {
    name: 'replies are one level deep, on the same asset',
    table: 'comments',
    sql: `SELECT c.legacy_id AS example FROM comments c JOIN comments p ON p.id = c.parent_id
          WHERE c.legacy_id IS NOT NULL AND (p.parent_id IS NOT NULL OR p.asset_id <> c.asset_id)`,
  },
  {
    name: 'team members belong to the account',
    table: 'teams',
    sql: `SELECT t.legacy_id AS example FROM team_members tm JOIN teams t ON t.id = tm.team_id
          WHERE t.legacy_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.account_id = t.account_id AND m.user_id = tm.user_id)`,
  },
  {
    name: 'review link items belong to the link project',
    table: 'review_links',
    sql: `SELECT l.legacy_id AS example FROM review_link_items i JOIN review_links l ON l.id = i.review_link_id
          JOIN assets a ON a.id = i.asset_id WHERE l.legacy_id IS NOT NULL AND a.project_id <> l.project_id`,
  },
];
