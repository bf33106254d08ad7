import type { NewReviewLink } from '@dailies/legacy';
import { countOf, tempTable, TableLoader, upsert } from '../table-loader';

const tmp = tempTable('review_links');
const STAGE_COLUMNS = [
  'legacy_id',
  'id',
  'project_id',
  'project_legacy',
  'name',
  'short_code',
  'password_hash',
  'expires_at',
  'active',
  'allow_download',
  'created_by_id',
  'created_at',
  'updated_at',
  'item_ids',
  'raw',
];
const LINK_COLUMNS = [
  'project_id',
  'account_id',
  'name',
  'short_code',
  'password_hash',
  'expires_at',
  'active',
  'allow_download',
  'created_by_id',
  'legacy_id',
  'created_at',
  'updated_at',
];
const notRejected = (alias: string) =>
  `NOT EXISTS (SELECT 1 FROM dynasaur.rejects r WHERE r.table_name = 'review_links' AND r.legacy_id = ${alias}.legacy_id)`;

/** Review links go through a stage: short codes must be unique, decided over all links. */
export const reviewLinksLoader: TableLoader<NewReviewLink & { raw: string }> = {
  table: 'review_links',
  stateDdl: `CREATE TABLE IF NOT EXISTS dynasaur.review_links_stage (
    legacy_id text PRIMARY KEY, id uuid NOT NULL, project_id uuid NOT NULL, project_legacy text NOT NULL,
    name text NOT NULL, short_code text NOT NULL, password_hash text, expires_at timestamptz,
    active boolean NOT NULL, allow_download boolean NOT NULL, created_by_id uuid,
    created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, item_ids text[] NOT NULL, raw jsonb NOT NULL);`,
  needsRaw: true,
  stateTables: ['dynasaur.review_links_stage'],
  secretStage: { table: 'dynasaur.review_links_stage', readBy: ['review_links'] },
  columns: [
    { name: 'id', type: 'uuid' },
    { name: 'project_id', type: 'uuid' },
    { name: 'project_legacy', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'short_code', type: 'text' },
    { name: 'password_hash', type: 'text' },
    { name: 'expires_at', type: 'timestamptz' },
    { name: 'active', type: 'boolean' },
    { name: 'allow_download', type: 'boolean' },
    { name: 'created_by_id', type: 'uuid' },
    { name: 'created_at', type: 'timestamptz' },
    { name: 'updated_at', type: 'timestamptz' },
    { name: 'item_ids', type: 'text[]' },
    { name: 'raw', type: 'text', large: true },
  ],
  values: ({ row, refs, itemIds, raw }) => [
    row.id,
    row.projectId,
    refs.projectId,
    row.name,
    row.shortCode,
    row.passwordHash,
    row.expiresAt,
    row.active,
    row.allowDownload,
    row.createdById,
    row.createdAt,
    row.updatedAt,
    itemIds,
    raw,
  ],
  rejectSql: [],
  batchSql: [
    upsert({
      into: 'dynasaur.review_links_stage',
      alias: 's',
      columns: STAGE_COLUMNS,
      select: `SELECT ${STAGE_COLUMNS.map((c) => (c === 'raw' ? 'raw::jsonb' : c)).join(', ')} FROM ${tmp} WHERE reject IS NULL`,
      conflict: 'legacy_id',
      update: STAGE_COLUMNS.slice(1),
    }),
  ],

  async resolve({ client }) {
    await client.query(`
      INSERT INTO dynasaur.rejects (table_name, reject_key, legacy_id, reason, field, message, stage, raw)
      SELECT 'review_links', s.legacy_id, s.legacy_id,
             CASE WHEN pr.legacy_id IS NOT NULL THEN 'reference_rejected' ELSE 'dangling_reference' END,
             'project_id',
             CASE WHEN pr.legacy_id IS NOT NULL THEN format('project_id %s names a rejected projects record', s.project_legacy)
                  ELSE format('project_id %s names no projects record', s.project_legacy) END,
             'resolve', s.raw
      FROM dynasaur.review_links_stage s
      LEFT JOIN dynasaur.rejects pr ON pr.table_name = 'projects' AND pr.legacy_id = s.project_legacy
      WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = s.project_id)
      ON CONFLICT (table_name, reject_key) DO UPDATE SET reason = EXCLUDED.reason, field = EXCLUDED.field,
        message = EXCLUDED.message, stage = EXCLUDED.stage, raw = EXCLUDED.raw`);
    // The oldest link keeps a short code; a code a link of the new system has stays theirs.
    await client.query(`
      INSERT INTO dynasaur.rejects (table_name, reject_key, legacy_id, reason, field, message, stage, raw)
      SELECT 'review_links', r.legacy_id, r.legacy_id, 'duplicate_short_code', 'short_code',
             CASE WHEN r.rank = 1 THEN format('short code %s belongs to another review link of the new system', r.short_code)
                  ELSE format('short code %s is kept by review link %s', r.short_code, r.winner) END,
             'resolve', r.raw
      FROM (
        SELECT s.legacy_id, s.short_code, s.raw,
               row_number() OVER w AS rank, first_value(s.legacy_id) OVER w AS winner,
               EXISTS (SELECT 1 FROM review_links l WHERE l.short_code = s.short_code
                       AND l.legacy_id IS DISTINCT FROM s.legacy_id) AS taken
        FROM dynasaur.review_links_stage s WHERE ${notRejected('s')}
        WINDOW w AS (PARTITION BY s.short_code ORDER BY s.created_at, s.legacy_id)
      ) r
      WHERE r.rank > 1 OR r.taken
      ON CONFLICT (table_name, reject_key) DO UPDATE SET reason = EXCLUDED.reason, field = EXCLUDED.field,
        message = EXCLUDED.message, stage = EXCLUDED.stage, raw = EXCLUDED.raw`);
    await client.query(
      upsert({
        into: 'review_links',
        alias: 'l',
        columns: ['id', ...LINK_COLUMNS],
        select: `SELECT s.id, s.project_id, p.account_id, s.name, s.short_code, s.password_hash, s.expires_at,
                        s.active, s.allow_download, u.id, s.legacy_id, s.created_at, s.updated_at
                 FROM dynasaur.review_links_stage s JOIN projects p ON p.id = s.project_id
                 LEFT JOIN users u ON u.id = s.created_by_id
                 WHERE ${notRejected('s')}`,
        conflict: 'id',
        update: LINK_COLUMNS,
      }),
    );
    // Items: listed assets that migrated and belong to the link's project, positions 0..n-1.
    await client.query(`
      CREATE TEMP TABLE link_items ON COMMIT DROP AS
      SELECT s.id AS review_link_id, a.id AS asset_id,
             (row_number() OVER (PARTITION BY s.id ORDER BY x.o) - 1)::integer AS position
      FROM dynasaur.review_links_stage s
      JOIN review_links l ON l.id = s.id
      CROSS JOIN unnest(s.item_ids) WITH ORDINALITY AS x(item, o)
      JOIN assets a ON a.id = x.item::uuid AND a.project_id = s.project_id
      WHERE ${notRejected('s')}`);
    await client.query(
      upsert({
        into: 'review_link_items',
        alias: 'i',
        columns: ['review_link_id', 'asset_id', 'position'],
        select: 'SELECT review_link_id, asset_id, position FROM link_items',
        conflict: 'review_link_id, asset_id',
        update: ['position'],
      }),
    );
    return {
      list_entry_dropped: await countOf(
        client,
        `SELECT (SELECT count(*) FROM dynasaur.review_links_stage s, unnest(s.item_ids) x WHERE ${notRejected('s')})
                - (SELECT count(*) FROM link_items) AS n`,
      ),
    };
  },
};
