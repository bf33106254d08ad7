import type { NewAccount } from '@dailies/legacy';
import { countOf, tempTable, TableLoader, upsert } from '../table-loader';

const tmp = tempTable('accounts');
const ACCOUNT_COLUMNS = [
  'name',
  'plan',
  'storage_limit_bytes',
  'legacy_id',
  'created_at',
  'updated_at',
];
const FACT_COLUMNS = ['legacy_id', 'id', 'owner_legacy', 'member_ids', 'admin_ids'];

export const accountsLoader: TableLoader<NewAccount> = {
  table: 'accounts',
  stateDdl: `CREATE TABLE IF NOT EXISTS dynasaur.accounts_facts (
    legacy_id text PRIMARY KEY, id uuid NOT NULL, owner_legacy text,
    member_ids text[] NOT NULL, admin_ids text[] NOT NULL);`,
  stateTables: ['dynasaur.accounts_facts'],
  columns: [
    { name: 'id', type: 'uuid' },
    { name: 'name', type: 'text' },
    { name: 'plan', type: 'text' },
    { name: 'storage_limit_bytes', type: 'bigint' },
    { name: 'created_at', type: 'timestamptz' },
    { name: 'updated_at', type: 'timestamptz' },
    { name: 'owner_legacy', type: 'text' },
    { name: 'member_ids', type: 'text[]' },
    { name: 'admin_ids', type: 'text[]' },
  ],
  values: ({ row, refs, memberIds, adminIds }) => [
    row.id,
    row.name,
    row.plan,
    row.storageLimitBytes,
    row.createdAt,
    row.updatedAt,
    refs.ownerId,
    memberIds,
    adminIds,
  ],
  rejectSql: [],
  batchSql: [
    upsert({
      into: 'accounts',
      alias: 'a',
      columns: ['id', ...ACCOUNT_COLUMNS],
      select: `SELECT id, name, plan::account_plan, storage_limit_bytes, legacy_id, created_at, updated_at
               FROM ${tmp} WHERE reject IS NULL`,
      conflict: 'id',
      update: ACCOUNT_COLUMNS,
    }),
    upsert({
      into: 'dynasaur.accounts_facts',
      alias: 'f',
      columns: FACT_COLUMNS,
      select: `SELECT ${FACT_COLUMNS.join(', ')} FROM ${tmp} WHERE reject IS NULL`,
      conflict: 'legacy_id',
      update: FACT_COLUMNS.slice(1),
    }),
  ],

  async resolve({ client }) {
    // Memberships: the union of the account's lists and the users' account_ids (each list lost
    // entries over the years); only users that migrated. Roles: the owner (owner_id, else the
    // first migrated admin, else the first migrated member), admins (admin_ids), members.
    await client.query(`
      CREATE TEMP TABLE account_owner ON COMMIT DROP AS
      SELECT DISTINCT ON (f.id) f.id AS account_id, u.id AS user_id, c.priority
      FROM dynasaur.accounts_facts f
      CROSS JOIN LATERAL (
        SELECT f.owner_legacy AS legacy, 0 AS priority, 0::bigint AS ord WHERE f.owner_legacy IS NOT NULL
        UNION ALL SELECT x, 1, o FROM unnest(f.admin_ids) WITH ORDINALITY AS t(x, o)
        UNION ALL SELECT x, 2, o FROM unnest(f.member_ids) WITH ORDINALITY AS t(x, o)
      ) c
      JOIN users u ON u.legacy_id = c.legacy
      ORDER BY f.id, c.priority, c.ord`);
    await client.query(`
      CREATE TEMP TABLE account_members ON COMMIT DROP AS
      WITH claims AS (
        SELECT f.id AS account_id, x AS user_legacy, false AS from_user FROM dynasaur.accounts_facts f,
               unnest(f.member_ids || f.admin_ids || coalesce(ARRAY[f.owner_legacy], '{}')) AS x
        UNION ALL
        SELECT a.id, s.legacy_id, true FROM dynasaur.users_stage s, unnest(s.account_ids) AS x
        JOIN accounts a ON a.legacy_id = x
      )
      SELECT c.account_id, u.id AS user_id,
             CASE WHEN o.user_id = u.id THEN 'owner'
                  WHEN u.legacy_id = ANY (f.admin_ids) THEN 'admin' ELSE 'member' END::membership_role AS role,
             greatest(a.created_at, u.created_at) AS created_at,
             bool_and(c.from_user) AS only_from_user
      FROM claims c
      JOIN dynasaur.accounts_facts f ON f.id = c.account_id
      JOIN accounts a ON a.id = c.account_id
      JOIN users u ON u.legacy_id = c.user_legacy
      LEFT JOIN account_owner o ON o.account_id = c.account_id
      GROUP BY c.account_id, u.id, u.legacy_id, o.user_id, f.admin_ids, a.created_at, u.created_at`);
    // One owner per account: step down owners that are no longer the owner before promoting.
    await client.query(`
      UPDATE memberships m SET role = w.role FROM account_members w
      WHERE m.account_id = w.account_id AND m.user_id = w.user_id AND m.role = 'owner' AND w.role <> 'owner'`);
    await client.query(
      upsert({
        into: 'memberships',
        alias: 'm',
        columns: ['account_id', 'user_id', 'role', 'created_at'],
        select: 'SELECT account_id, user_id, role, created_at FROM account_members',
        conflict: 'account_id, user_id',
        update: ['role', 'created_at'],
      }),
    );
    return {
      owner_promoted: await countOf(
        client,
        'SELECT count(*) AS n FROM account_owner WHERE priority > 0',
      ),
      account_without_owner: await countOf(
        client,
        'SELECT count(*) AS n FROM dynasaur.accounts_facts f WHERE NOT EXISTS (SELECT 1 FROM account_owner o WHERE o.account_id = f.id)',
      ),
      membership_from_user_list: await countOf(
        client,
        'SELECT count(*) AS n FROM account_members WHERE only_from_user',
      ),
      list_entry_dropped: await countOf(
        client,
        `SELECT count(*) AS n FROM dynasaur.accounts_facts f,
           unnest(f.member_ids || f.admin_ids) AS x
         WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.legacy_id = x)`,
      ),
    };
  },
};
