import type { NewUser } from '@dailies/legacy';
import { tempTable, TableLoader, upsert } from '../table-loader';

const tmp = tempTable('users');
const STAGE_COLUMNS = [
  'legacy_id',
  'id',
  'email',
  'name',
  'password_hash',
  'status',
  'timezone',
  'email_confirmed',
  'last_login_at',
  'settings',
  'created_at',
  'updated_at',
  'account_ids',
  'raw',
];
const USER_COLUMNS = [
  'email',
  'name',
  'password_hash',
  'status',
  'timezone',
  'legacy_id',
  'email_confirmed',
  'last_login_at',
  'settings',
  'created_at',
  'updated_at',
];
const notRejected = (alias: string) =>
  `NOT EXISTS (SELECT 1 FROM dynasaur.rejects r WHERE r.table_name = 'users' AND r.legacy_id = ${alias}.legacy_id)`;

/**
 * Users go through a persistent stage: which of several users with the same email (compared
 * case-insensitively) migrates can only be decided once every user has been read.
 */
export const usersLoader: TableLoader<NewUser & { raw: string }> = {
  table: 'users',
  stateDdl: `CREATE TABLE IF NOT EXISTS dynasaur.users_stage (
    legacy_id text PRIMARY KEY, id uuid NOT NULL, email text NOT NULL, name text NOT NULL,
    password_hash text, status text NOT NULL, timezone text NOT NULL, last_login_at timestamptz,
    created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, account_ids text[] NOT NULL,
    raw jsonb NOT NULL);
    ALTER TABLE dynasaur.users_stage ADD COLUMN IF NOT EXISTS email_confirmed boolean NOT NULL DEFAULT false;
    ALTER TABLE dynasaur.users_stage ADD COLUMN IF NOT EXISTS settings jsonb;`,
  needsRaw: true,
  stateTables: ['dynasaur.users_stage'],
  // Accounts read the users' account_ids from the stage.
  secretStage: { table: 'dynasaur.users_stage', readBy: ['users', 'accounts'] },
  columns: [
    { name: 'id', type: 'uuid' },
    { name: 'email', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'password_hash', type: 'text' },
    { name: 'status', type: 'text' },
    { name: 'timezone', type: 'text' },
    { name: 'email_confirmed', type: 'boolean' },
    { name: 'last_login_at', type: 'timestamptz' },
    { name: 'settings', type: 'text' },
    { name: 'created_at', type: 'timestamptz' },
    { name: 'updated_at', type: 'timestamptz' },
    { name: 'account_ids', type: 'text[]' },
    { name: 'raw', type: 'text', large: true },
  ],
  values: ({ row, accountIds, extras, raw }) => [
    row.id,
    row.email,
    row.name,
    row.passwordHash,
    row.status,
    row.timezone,
    extras.emailConfirmed,
    extras.lastLoginAt,
    extras.settings === null ? null : JSON.stringify(extras.settings),
    row.createdAt,
    row.updatedAt,
    accountIds,
    raw,
  ],
  rejectSql: [],
  batchSql: [
    upsert({
      into: 'dynasaur.users_stage',
      alias: 's',
      columns: STAGE_COLUMNS,
      select: `SELECT ${STAGE_COLUMNS.map((c) => (c === 'raw' || c === 'settings' ? `${c}::jsonb` : c)).join(', ')} FROM ${tmp} WHERE reject IS NULL`,
      conflict: 'legacy_id',
      update: STAGE_COLUMNS.filter((c) => c !== 'legacy_id'),
    }),
  ],

  async resolve({ client }) {
    // The winner of an email: not deleted, then last login, then oldest, then smallest id. An
    // email a user of the new system already has stays theirs.
    await client.query(`
      CREATE TEMP TABLE users_ranked ON COMMIT DROP AS
      SELECT s.legacy_id, s.email,
             first_value(s.legacy_id) OVER w AS winner,
             row_number() OVER w AS rank,
             EXISTS (SELECT 1 FROM users u WHERE u.email = s.email
                     AND u.legacy_id IS DISTINCT FROM s.legacy_id) AS taken
      FROM dynasaur.users_stage s
      WHERE ${notRejected('s')}
      WINDOW w AS (PARTITION BY s.email ORDER BY (s.status = 'locked'), s.last_login_at DESC NULLS LAST,
                   s.created_at, s.legacy_id)`);
    await client.query(`
      INSERT INTO dynasaur.rejects (table_name, reject_key, legacy_id, reason, field, message, stage, raw)
      SELECT 'users', r.legacy_id, r.legacy_id, 'duplicate_email', 'email',
             CASE WHEN r.taken AND r.rank = 1 THEN format('email %s belongs to another user of the new system', r.email)
                  ELSE format('email %s is kept by user %s', r.email, r.winner) END,
             'resolve', s.raw
      FROM users_ranked r JOIN dynasaur.users_stage s USING (legacy_id)
      WHERE r.rank > 1 OR r.taken
      ON CONFLICT (table_name, reject_key) DO UPDATE SET reason = EXCLUDED.reason,
        field = EXCLUDED.field, message = EXCLUDED.message, stage = EXCLUDED.stage, raw = EXCLUDED.raw`);
    await client.query(
      upsert({
        into: 'users',
        alias: 'u',
        columns: ['id', ...USER_COLUMNS],
        select: `SELECT s.id, s.email, s.name, s.password_hash, s.status::user_status, s.timezone, s.legacy_id,
                        s.email_confirmed, s.last_login_at, s.settings, s.created_at, s.updated_at
                 FROM dynasaur.users_stage s WHERE ${notRejected('s')}`,
        conflict: 'id',
        update: USER_COLUMNS,
        // A password set (or rehashed on sign-in) in the new system is never put back.
        setExpressions: {
          password_hash: `CASE WHEN u.password_hash IS NULL OR u.password_hash LIKE '$2%' THEN EXCLUDED.password_hash ELSE u.password_hash END`,
          // A sign-in in the new system is never moved back to an older legacy one.
          last_login_at: `GREATEST(u.last_login_at, EXCLUDED.last_login_at)`,
        },
      }),
    );
    return {};
  },
};
