import type { NewTeam } from '@dailies/legacy';
import { countOf, rejectMissingReference, tempTable, TableLoader, upsert } from '../table-loader';

const tmp = tempTable('teams');
const TEAM_COLUMNS = ['account_id', 'name', 'legacy_id', 'created_at', 'updated_at'];

export const teamsLoader: TableLoader<NewTeam> = {
  table: 'teams',
  stateDdl: `CREATE TABLE IF NOT EXISTS dynasaur.teams_facts (
    legacy_id text PRIMARY KEY, id uuid NOT NULL, member_ids text[] NOT NULL);`,
  stateTables: ['dynasaur.teams_facts'],
  columns: [
    { name: 'id', type: 'uuid' },
    { name: 'account_id', type: 'uuid' },
    { name: 'account_legacy', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'created_at', type: 'timestamptz' },
    { name: 'updated_at', type: 'timestamptz' },
    { name: 'member_ids', type: 'text[]' },
  ],
  values: ({ row, refs, memberIds }) => [
    row.id,
    row.accountId,
    refs.accountId,
    row.name,
    row.createdAt,
    row.updatedAt,
    memberIds,
  ],
  rejectSql: [
    rejectMissingReference({
      tmp,
      column: 'account_id',
      legacyColumn: 'account_legacy',
      target: 'accounts',
      referencedTable: 'accounts',
      field: 'account_id',
    }),
  ],
  batchSql: [
    upsert({
      into: 'teams',
      alias: 'tm',
      columns: ['id', ...TEAM_COLUMNS],
      select: `SELECT id, ${TEAM_COLUMNS.join(', ')} FROM ${tmp} WHERE reject IS NULL`,
      conflict: 'id',
      update: TEAM_COLUMNS,
    }),
    upsert({
      into: 'dynasaur.teams_facts',
      alias: 'f',
      columns: ['legacy_id', 'id', 'member_ids'],
      select: `SELECT legacy_id, id, member_ids FROM ${tmp} WHERE reject IS NULL`,
      conflict: 'legacy_id',
      update: ['id', 'member_ids'],
    }),
  ],

  async resolve({ client }) {
    // Team members: listed users that migrated and belong to the team's account (a team member
    // outside the account would have no access in the new system).
    await client.query(`
      CREATE TEMP TABLE team_claims ON COMMIT DROP AS
      SELECT f.id AS team_id, u.id AS user_id, greatest(t.created_at, u.created_at) AS created_at,
             EXISTS (SELECT 1 FROM memberships m WHERE m.account_id = t.account_id AND m.user_id = u.id) AS in_account
      FROM dynasaur.teams_facts f
      JOIN teams t ON t.id = f.id
      CROSS JOIN unnest(f.member_ids) AS x
      JOIN users u ON u.legacy_id = x`);
    await client.query(
      upsert({
        into: 'team_members',
        alias: 'tm',
        columns: ['team_id', 'user_id', 'created_at'],
        select: 'SELECT team_id, user_id, created_at FROM team_claims WHERE in_account',
        conflict: 'team_id, user_id',
        update: ['created_at'],
      }),
    );
    return {
      team_member_not_in_account: await countOf(
        client,
        'SELECT count(*) AS n FROM team_claims WHERE NOT in_account',
      ),
      list_entry_dropped: await countOf(
        client,
        `SELECT count(*) AS n FROM dynasaur.teams_facts f, unnest(f.member_ids) AS x
         WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.legacy_id = x)`,
      ),
    };
  },
};
