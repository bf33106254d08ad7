import type { NewAsset } from '@dailies/legacy';
import {
  countOf,
  rejectMissingReference,
  ResolveContext,
  tempTable,
  TableLoader,
  upsert,
} from '../table-loader';
import { findCycleMembers } from './tree-cycles';

const tmp = tempTable('assets');
// Columns the record alone decides; parent_id, type, version, sort_order, deleted_at and
// trash_root_id are first written as the record says and then owned by resolve (they depend on
// the rest of the tree), so the batch upsert never touches them on conflict.
const RECORD_COLUMNS = [
  'project_id',
  'account_id',
  'name',
  'filetype',
  'filesize',
  'duration',
  'fps',
  'frames',
  'status',
  'label',
  'properties',
  'creator_id',
  'legacy_id',
  'created_at',
  'updated_at',
];
const FACT_COLUMNS = [
  'id',
  'legacy_id',
  'project_id',
  'parent_legacy',
  'type',
  'version',
  'deleted_at',
  'created_at',
  'child_ids',
];

export const assetsLoader: TableLoader<NewAsset> = {
  table: 'assets',
  stateDdl: `CREATE TABLE IF NOT EXISTS dynasaur.assets_facts (
    id uuid PRIMARY KEY, legacy_id text NOT NULL, project_id uuid NOT NULL, parent_legacy text,
    type text NOT NULL, version integer NOT NULL, deleted_at timestamptz, created_at timestamptz NOT NULL,
    child_ids text[] NOT NULL);
    CREATE INDEX IF NOT EXISTS assets_facts_project_id_idx ON dynasaur.assets_facts (project_id);`,
  stateTables: ['dynasaur.assets_facts'],
  columns: [
    { name: 'id', type: 'uuid' },
    { name: 'project_id', type: 'uuid' },
    { name: 'project_legacy', type: 'text' },
    { name: 'type', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'filetype', type: 'text' },
    { name: 'filesize', type: 'bigint' },
    { name: 'duration', type: 'double precision' },
    { name: 'fps', type: 'double precision' },
    { name: 'frames', type: 'integer' },
    { name: 'status', type: 'text' },
    { name: 'label', type: 'text' },
    { name: 'version', type: 'integer' },
    { name: 'properties', type: 'text', large: true },
    { name: 'creator_id', type: 'uuid' },
    { name: 'deleted_at', type: 'timestamptz' },
    { name: 'created_at', type: 'timestamptz' },
    { name: 'updated_at', type: 'timestamptz' },
    { name: 'parent_legacy', type: 'text' },
    { name: 'child_ids', type: 'text[]' },
  ],
  values: ({ row, refs, childIds }) => [
    row.id,
    row.projectId,
    refs.projectId,
    row.type,
    row.name,
    row.filetype,
    row.filesize,
    row.duration,
    row.fps,
    row.frames,
    row.status,
    row.label,
    row.version,
    JSON.stringify(row.properties),
    row.creatorId,
    row.deletedAt,
    row.createdAt,
    row.updatedAt,
    refs.parentId,
    childIds,
  ],
  rejectSql: [
    rejectMissingReference({
      tmp,
      column: 'project_id',
      legacyColumn: 'project_legacy',
      target: 'projects',
      referencedTable: 'projects',
      field: 'project_id',
    }),
  ],
  batchSql: [
    upsert({
      into: 'assets',
      alias: 'a',
      columns: [
        'id',
        'parent_id',
        'type',
        'version',
        'sort_order',
        'deleted_at',
        ...RECORD_COLUMNS,
      ],
      select: `SELECT t.id, NULL::uuid, t.type::asset_type, t.version, 0, t.deleted_at, t.project_id, p.account_id,
                      t.name, t.filetype, t.filesize, t.duration, t.fps, t.frames, t.status::asset_status,
                      t.label::asset_label, t.properties::jsonb, u.id, t.legacy_id, t.created_at, t.updated_at
               FROM ${tmp} t JOIN projects p ON p.id = t.project_id LEFT JOIN users u ON u.id = t.creator_id
               WHERE t.reject IS NULL`,
      conflict: 'id',
      update: RECORD_COLUMNS,
    }),
    upsert({
      into: 'dynasaur.assets_facts',
      alias: 'f',
      columns: FACT_COLUMNS,
      select: `SELECT ${FACT_COLUMNS.join(', ')} FROM ${tmp} WHERE reject IS NULL`,
      conflict: 'id',
      update: FACT_COLUMNS.slice(1),
    }),
  ],
  resolve: resolveTree,
};

/** The tree rules of REPAIRS (roots, parents, cycles, stacks, versions, sibling order, trash). */
async function resolveTree({ client, log }: ResolveContext): Promise<Record<string, number>> {
  // Roots: the project's root_asset_id if it is a folder of the project, else its oldest
  // parentless folder, else a new (synthetic) root folder.
  await client.query(`
    CREATE TEMP TABLE asset_roots ON COMMIT DROP AS
    SELECT pf.id AS project_id, pf.synthetic_root, legacy_root.id IS NOT NULL AS legacy_root_ok,
           coalesce(legacy_root.id, oldest.id, pf.synthetic_root) AS root_id
    FROM dynasaur.projects_facts pf
    JOIN projects p ON p.id = pf.id
    LEFT JOIN dynasaur.assets_facts legacy_root
      ON legacy_root.id = pf.root_legacy::uuid AND legacy_root.project_id = pf.id AND legacy_root.type = 'folder'
    LEFT JOIN LATERAL (
      SELECT a.id FROM dynasaur.assets_facts a
      WHERE a.project_id = pf.id AND a.parent_legacy IS NULL AND a.type = 'folder'
      ORDER BY a.created_at, a.id LIMIT 1) oldest ON true;
    CREATE UNIQUE INDEX ON asset_roots (project_id);`);
  await client.query(`
    INSERT INTO assets (id, project_id, account_id, parent_id, type, name, status, creator_id, sort_order,
                        version, created_at, updated_at)
    SELECT r.root_id, p.id, p.account_id, NULL, 'folder', p.name, 'ready', p.owner_id, 0, 1, p.created_at, p.created_at
    FROM asset_roots r JOIN projects p ON p.id = r.project_id
    WHERE r.root_id = r.synthetic_root
    ON CONFLICT (id) DO NOTHING`);
  await client.query(`
    UPDATE projects p SET root_asset_id = r.root_id FROM asset_roots r
    WHERE p.id = r.project_id AND p.root_asset_id IS DISTINCT FROM r.root_id`);

  // Effective parents: the record's parent if it is a migrated folder of the same project (or a
  // stack, for a file); else the project's root.
  await client.query(`
    CREATE TEMP TABLE asset_tree ON COMMIT DROP AS
    SELECT a.id, a.legacy_id, a.project_id, a.type, a.version, a.deleted_at, a.created_at, a.parent_legacy,
           r.root_id,
           CASE WHEN a.id = r.root_id THEN NULL
                WHEN p.id IS NOT NULL AND p.project_id = a.project_id AND p.id <> a.id
                     AND (p.type = 'folder' OR (p.type = 'version_stack' AND a.type = 'file')) THEN p.id
                ELSE r.root_id END AS parent_id,
           (a.id <> r.root_id AND NOT coalesce(p.project_id = a.project_id AND p.id <> a.id
                AND (p.type = 'folder' OR (p.type = 'version_stack' AND a.type = 'file')), false)) AS reparented
    FROM dynasaur.assets_facts a
    JOIN asset_roots r ON r.project_id = a.project_id
    LEFT JOIN dynasaur.assets_facts p ON p.id = a.parent_legacy::uuid;
    CREATE UNIQUE INDEX ON asset_tree (id);
    CREATE INDEX ON asset_tree (parent_id);
    ANALYZE asset_tree;`);

  // Parent cycles: whatever the roots do not reach is on a cycle or below one. Cycle members move
  // to the root (what hangs below them comes along).
  const { rows: unreachable } = await client.query<{
    id: string;
    parent_id: string;
    root_id: string;
  }>(`
    WITH RECURSIVE reach AS (
      SELECT root_id AS id FROM asset_roots
      UNION ALL
      SELECT t.id FROM asset_tree t JOIN reach r ON t.parent_id = r.id
    )
    SELECT t.id, t.parent_id, t.root_id FROM asset_tree t
    WHERE t.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM reach r WHERE r.id = t.id)`);
  const onCycles = findCycleMembers(unreachable.map((u) => ({ id: u.id, parentId: u.parent_id })));
  if (onCycles.length > 0) {
    log(`assets: ${onCycles.length} assets on parent cycles move to their project's root`);
    await client.query(
      'UPDATE asset_tree SET parent_id = root_id, reparented = true WHERE id = ANY ($1::uuid[])',
      [onCycles],
    );
  }

  // A stack without versions becomes a folder.
  await client.query(`
    ALTER TABLE asset_tree ADD COLUMN emptied boolean NOT NULL DEFAULT false;
    UPDATE asset_tree t SET type = 'folder', emptied = true
    WHERE t.type = 'version_stack' AND NOT EXISTS (SELECT 1 FROM asset_tree c WHERE c.parent_id = t.id)`);

  // Sibling order from child_ids (SCHEMA.md), versions 1..n inside stacks.
  await client.query(`
    CREATE TEMP TABLE asset_listing ON COMMIT DROP AS
    SELECT a.id AS parent_id, x AS child_legacy, min(o) AS ord
    FROM dynasaur.assets_facts a CROSS JOIN unnest(a.child_ids) WITH ORDINALITY AS u(x, o)
    GROUP BY a.id, x;
    CREATE UNIQUE INDEX ON asset_listing (parent_id, child_legacy);
    ANALYZE asset_listing;
    CREATE TEMP TABLE asset_order ON COMMIT DROP AS
    SELECT t.id,
           CASE WHEN par.type = 'version_stack'
                THEN row_number() OVER (PARTITION BY t.parent_id ORDER BY t.version, t.created_at, t.id)
                ELSE 1 END AS version,
           row_number() OVER (PARTITION BY t.parent_id ORDER BY l.ord NULLS LAST, t.created_at, t.id) * 1024 AS sort_order,
           l.ord IS NULL AS unlisted
    FROM asset_tree t
    LEFT JOIN asset_tree par ON par.id = t.parent_id
    LEFT JOIN asset_listing l ON l.parent_id = t.parent_id AND l.child_legacy = t.legacy_id
                             AND t.parent_legacy::uuid = t.parent_id
    WHERE t.parent_id IS NOT NULL;
    CREATE UNIQUE INDEX ON asset_order (id);`);

  // Trash: below a deleted asset everything is trashed with it; the topmost deleted ancestor is
  // the trash root (what a restore brings back). A root folder cannot be trashed.
  await client.query(`
    CREATE TEMP TABLE asset_trash ON COMMIT DROP AS
    WITH RECURSIVE down AS (
      SELECT t.id AS trash_root, t.id, t.deleted_at AS root_deleted_at, 0 AS depth
      FROM asset_tree t WHERE t.deleted_at IS NOT NULL AND t.parent_id IS NOT NULL
      UNION ALL
      SELECT d.trash_root, c.id, d.root_deleted_at, d.depth + 1
      FROM down d JOIN asset_tree c ON c.parent_id = d.id
    )
    SELECT DISTINCT ON (id) id, trash_root, root_deleted_at FROM down ORDER BY id, depth DESC;
    CREATE UNIQUE INDEX ON asset_trash (id);`);

  const updated = await client.query(`
    UPDATE assets a SET parent_id = n.parent_id, type = n.type, version = n.version,
           sort_order = n.sort_order, deleted_at = n.deleted_at, trash_root_id = n.trash_root_id
    FROM (
      SELECT t.id, t.parent_id, t.type::asset_type AS type, coalesce(o.version, 1) AS version,
             coalesce(o.sort_order, 0) AS sort_order,
             CASE WHEN tr.id IS NULL THEN NULL ELSE coalesce(t.deleted_at, tr.root_deleted_at) END AS deleted_at,
             tr.trash_root AS trash_root_id
      FROM asset_tree t LEFT JOIN asset_order o ON o.id = t.id LEFT JOIN asset_trash tr ON tr.id = t.id
    ) n
    WHERE a.id = n.id
      AND (a.parent_id, a.type, a.version, a.sort_order, a.deleted_at, a.trash_root_id)
          IS DISTINCT FROM (n.parent_id, n.type, n.version, n.sort_order, n.deleted_at, n.trash_root_id)`);
  log(`assets: tree settled (${updated.rowCount ?? 0} rows changed)`);

  return {
    project_root_chosen: await countOf(
      client,
      'SELECT count(*) AS n FROM asset_roots WHERE NOT legacy_root_ok',
    ),
    asset_reparented_to_root: await countOf(
      client,
      'SELECT count(*) AS n FROM asset_tree WHERE reparented',
    ),
    sibling_unlisted: await countOf(client, 'SELECT count(*) AS n FROM asset_order WHERE unlisted'),
    versions_renumbered: await countOf(
      client,
      'SELECT count(*) AS n FROM asset_tree t JOIN asset_order o ON o.id = t.id WHERE o.version <> t.version',
    ),
    empty_stack_to_folder: await countOf(
      client,
      'SELECT count(*) AS n FROM asset_tree WHERE emptied',
    ),
    trash_inherited: await countOf(
      client,
      'SELECT count(*) AS n FROM asset_trash tr JOIN asset_tree t USING (id) WHERE t.deleted_at IS NULL',
    ),
    root_not_trashable: await countOf(
      client,
      'SELECT count(*) AS n FROM asset_tree WHERE parent_id IS NULL AND deleted_at IS NOT NULL',
    ),
    optional_reference_dropped: await countOf(
      client,
      `SELECT count(*) AS n FROM assets a WHERE a.legacy_id IS NOT NULL AND a.creator_id IS NULL`,
    ),
  };
}
