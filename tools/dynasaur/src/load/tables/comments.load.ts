import type { NewComment } from '@dailies/legacy';
import { countOf, rejectMissingReference, tempTable, TableLoader, upsert } from '../table-loader';

const tmp = tempTable('comments');
const RECORD_COLUMNS = [
  'asset_id',
  'project_id',
  'account_id',
  'author_id',
  'text',
  'frame',
  'duration_frames',
  'annotation',
  'private',
  'completed_at',
  'completed_by_id',
  'deleted_at',
  'legacy_id',
  'created_at',
  'updated_at',
];
const FACT_COLUMNS = ['id', 'legacy_id', 'asset_id', 'parent_legacy', 'created_at', 'like_ids'];

export const commentsLoader: TableLoader<NewComment> = {
  table: 'comments',
  stateDdl: `CREATE TABLE IF NOT EXISTS dynasaur.comments_facts (
    id uuid PRIMARY KEY, legacy_id text NOT NULL, asset_id uuid NOT NULL, parent_legacy text,
    created_at timestamptz NOT NULL, like_ids text[] NOT NULL);`,
  stateTables: ['dynasaur.comments_facts'],
  columns: [
    { name: 'id', type: 'uuid' },
    { name: 'asset_id', type: 'uuid' },
    { name: 'asset_legacy', type: 'text' },
    { name: 'author_id', type: 'uuid' },
    { name: 'text', type: 'text' },
    { name: 'frame', type: 'integer' },
    { name: 'duration_frames', type: 'integer' },
    { name: 'annotation', type: 'text', large: true },
    { name: 'private', type: 'boolean' },
    { name: 'completed_at', type: 'timestamptz' },
    { name: 'completed_by_id', type: 'uuid' },
    { name: 'deleted_at', type: 'timestamptz' },
    { name: 'created_at', type: 'timestamptz' },
    { name: 'updated_at', type: 'timestamptz' },
    { name: 'parent_legacy', type: 'text' },
    { name: 'like_ids', type: 'text[]' },
  ],
  values: ({ row, refs, likeIds }) => [
    row.id,
    row.assetId,
    refs.assetId,
    row.authorId,
    row.text,
    row.frame,
    row.durationFrames,
    row.annotation === null ? null : JSON.stringify(row.annotation),
    row.private,
    row.completedAt,
    row.completedById,
    row.deletedAt,
    row.createdAt,
    row.updatedAt,
    refs.parentId,
    likeIds,
  ],
  rejectSql: [
    rejectMissingReference({
      tmp,
      column: 'asset_id',
      legacyColumn: 'asset_legacy',
      target: 'assets',
      referencedTable: 'assets',
      field: 'asset_id',
    }),
  ],
  batchSql: [
    // parent_id is owned by resolve (replies are one level deep in the new schema).
    upsert({
      into: 'comments',
      alias: 'c',
      columns: ['id', 'parent_id', ...RECORD_COLUMNS],
      select: `SELECT t.id, NULL::uuid, t.asset_id, a.project_id, a.account_id, au.id, t.text, t.frame,
                      t.duration_frames, t.annotation::jsonb, t.private, t.completed_at, cb.id, t.deleted_at,
                      t.legacy_id, t.created_at, t.updated_at
               FROM ${tmp} t JOIN assets a ON a.id = t.asset_id
               LEFT JOIN users au ON au.id = t.author_id LEFT JOIN users cb ON cb.id = t.completed_by_id
               WHERE t.reject IS NULL`,
      conflict: 'id',
      update: RECORD_COLUMNS,
    }),
    upsert({
      into: 'dynasaur.comments_facts',
      alias: 'f',
      columns: FACT_COLUMNS,
      select: `SELECT ${FACT_COLUMNS.join(', ')} FROM ${tmp} WHERE reject IS NULL`,
      conflict: 'id',
      update: FACT_COLUMNS.slice(1),
    }),
  ],

  async resolve({ client }) {
    // Walk each reply's parents up (same asset only): its top-level ancestor is its parent. A
    // chain that comes back to itself or never ends is a cycle: such a reply becomes top-level.
    await client.query(`
      CREATE TEMP TABLE comment_chain ON COMMIT DROP AS
      WITH RECURSIVE up (id, asset_id, ancestor, next_legacy, depth) AS (
        SELECT c.id, c.asset_id, c.id, c.parent_legacy, 0
        FROM dynasaur.comments_facts c WHERE c.parent_legacy IS NOT NULL
        UNION ALL
        SELECT u.id, u.asset_id, p.id, p.parent_legacy, u.depth + 1
        FROM up u JOIN dynasaur.comments_facts p ON p.id = u.next_legacy::uuid AND p.asset_id = u.asset_id
        WHERE u.depth < 64 AND p.id <> u.id
      )
      SELECT DISTINCT ON (id) id, ancestor AS top, depth,
             depth >= 64 OR (next_legacy IS NOT NULL AND next_legacy::uuid = id) AS cyclic
      FROM up ORDER BY id, depth DESC`);
    // A chain stopped at the start comment (cycle through it) ends on a row whose next is the start.
    await client.query(`
      CREATE TEMP TABLE comment_parent ON COMMIT DROP AS
      SELECT c.id, CASE WHEN ch.cyclic OR ch.top = c.id THEN NULL ELSE ch.top END AS parent_id,
             ch.depth > 1 AND NOT ch.cyclic AS flattened
      FROM dynasaur.comments_facts c JOIN comment_chain ch ON ch.id = c.id`);
    await client.query(`
      UPDATE comments c SET parent_id = n.parent_id
      FROM (SELECT f.id, p.parent_id FROM dynasaur.comments_facts f LEFT JOIN comment_parent p ON p.id = f.id) n
      WHERE c.id = n.id AND c.parent_id IS DISTINCT FROM n.parent_id`);
    await client.query(
      upsert({
        into: 'comment_likes',
        alias: 'l',
        columns: ['comment_id', 'user_id', 'created_at'],
        select: `SELECT f.id, u.id, greatest(c.created_at, u.created_at)
                 FROM dynasaur.comments_facts f JOIN comments c ON c.id = f.id
                 CROSS JOIN unnest(f.like_ids) AS x JOIN users u ON u.legacy_id = x`,
        conflict: 'comment_id, user_id',
        update: ['created_at'],
      }),
    );
    return {
      reply_flattened: await countOf(
        client,
        'SELECT count(*) AS n FROM comment_parent WHERE flattened',
      ),
      reply_detached: await countOf(
        client,
        'SELECT count(*) AS n FROM comment_parent WHERE parent_id IS NULL',
      ),
      list_entry_dropped: await countOf(
        client,
        `SELECT count(*) AS n FROM dynasaur.comments_facts f, unnest(f.like_ids) AS x
         WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.legacy_id = x)`,
      ),
      optional_reference_dropped: await countOf(
        client,
        `SELECT count(*) AS n FROM comments c WHERE c.legacy_id IS NOT NULL AND c.author_id IS NULL`,
      ),
    };
  },
};
