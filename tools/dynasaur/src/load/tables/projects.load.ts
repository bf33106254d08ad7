import type { NewProject } from '@dailies/legacy';
import { syntheticRootId } from '@dailies/legacy';
import { countOf, rejectMissingReference, tempTable, TableLoader, upsert } from '../table-loader';

const tmp = tempTable('projects');
const PROJECT_COLUMNS = [
  'account_id',
  'team_id',
  'name',
  'private',
  'archived',
  'owner_id',
  'legacy_id',
  'created_at',
  'updated_at',
];
const FACT_COLUMNS = [
  'legacy_id',
  'id',
  'synthetic_root',
  'root_legacy',
  'collaborator_ids',
  'reviewer_ids',
];

export const projectsLoader: TableLoader<NewProject> = {
  table: 'projects',
  stateDdl: `CREATE TABLE IF NOT EXISTS dynasaur.projects_facts (
    legacy_id text PRIMARY KEY, id uuid NOT NULL UNIQUE, synthetic_root uuid NOT NULL, root_legacy text,
    collaborator_ids text[] NOT NULL, reviewer_ids text[] NOT NULL);`,
  stateTables: ['dynasaur.projects_facts'],
  columns: [
    { name: 'id', type: 'uuid' },
    { name: 'team_id', type: 'uuid' },
    { name: 'team_legacy', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'private', type: 'boolean' },
    { name: 'archived', type: 'boolean' },
    { name: 'synthetic_root', type: 'uuid' },
    { name: 'owner_id', type: 'uuid' },
    { name: 'created_at', type: 'timestamptz' },
    { name: 'updated_at', type: 'timestamptz' },
    { name: 'root_legacy', type: 'text' },
    { name: 'collaborator_ids', type: 'text[]' },
    { name: 'reviewer_ids', type: 'text[]' },
  ],
  values: ({ row, refs, collaborators }) => [
    row.id,
    row.teamId,
    refs.teamId,
    row.name,
    row.private,
    row.archived,
    syntheticRootId(row.legacyId ?? row.id),
    row.ownerId,
    row.createdAt,
    row.updatedAt,
    refs.rootAssetId,
    collaborators.filter((c) => c.role === 'editor').map((c) => c.userId),
    collaborators.filter((c) => c.role !== 'editor').map((c) => c.userId),
  ],
  rejectSql: [
    rejectMissingReference({
      tmp,
      column: 'team_id',
      legacyColumn: 'team_legacy',
      target: 'teams',
      referencedTable: 'teams',
      field: 'team_id',
    }),
  ],
  batchSql: [
    // root_asset_id starts as the project's synthetic root (unique, no FK) and is settled by the
    // assets' resolve step; the upsert never touches it again.
    upsert({
      into: 'projects',
      alias: 'p',
      columns: ['id', 'root_asset_id', ...PROJECT_COLUMNS],
      select: `SELECT t.id, t.synthetic_root, tm.account_id, t.team_id, t.name, t.private, t.archived,
                      u.id, t.legacy_id, t.created_at, t.updated_at
               FROM ${tmp} t JOIN teams tm ON tm.id = t.team_id LEFT JOIN users u ON u.id = t.owner_id
               WHERE t.reject IS NULL`,
      conflict: 'id',
      update: PROJECT_COLUMNS,
    }),
    upsert({
      into: 'dynasaur.projects_facts',
      alias: 'f',
      columns: FACT_COLUMNS,
      select: `SELECT ${FACT_COLUMNS.join(', ')} FROM ${tmp} WHERE reject IS NULL`,
      conflict: 'legacy_id',
      update: FACT_COLUMNS.slice(1),
    }),
  ],

  async resolve({ client }) {
    // collaborator_ids → editor, reviewer_ids → reviewer (the loader already made them disjoint).
    await client.query(`
      CREATE TEMP TABLE project_claims ON COMMIT DROP AS
      SELECT f.id AS project_id, x AS user_legacy, role::project_role AS role
      FROM dynasaur.projects_facts f
      CROSS JOIN LATERAL (
        SELECT x, 'editor' AS role FROM unnest(f.collaborator_ids) AS x
        UNION ALL SELECT x, 'reviewer' FROM unnest(f.reviewer_ids) AS x
      ) c`);
    await client.query(
      upsert({
        into: 'project_collaborators',
        alias: 'pc',
        columns: ['project_id', 'user_id', 'role', 'created_at'],
        select: `SELECT c.project_id, u.id, c.role, greatest(p.created_at, u.created_at)
                 FROM project_claims c JOIN projects p ON p.id = c.project_id
                 JOIN users u ON u.legacy_id = c.user_legacy`,
        conflict: 'project_id, user_id',
        update: ['role', 'created_at'],
      }),
    );
    return {
      list_entry_dropped: await countOf(
        client,
        'SELECT count(*) AS n FROM project_claims c WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.legacy_id = c.user_legacy)',
      ),
      optional_reference_dropped: await countOf(
        client,
        `SELECT count(*) AS n FROM projects p WHERE p.legacy_id IS NOT NULL AND p.owner_id IS NULL`,
      ),
    };
  },
};
