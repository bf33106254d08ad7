import { Pool, PoolClient } from 'pg';
import type { LegacyTableName } from '@dailies/legacy';

/**
 * The migrator's own bookkeeping lives in the schema `dynasaur`, not in migrations/: it is the
 * state of a one-off job (checkpoints, rejects, the facts that cross-record rules need), not part
 * of the application's schema. `DROP SCHEMA dynasaur CASCADE` once the migration is over removes
 * it; the migrated rows do not depend on it.
 */
const SCHEMA_VERSION = 1;

const DDL = `
CREATE SCHEMA IF NOT EXISTS dynasaur;
CREATE TABLE IF NOT EXISTS dynasaur.meta (key text PRIMARY KEY, value text NOT NULL);
-- One pass over one legacy table: scanning (segments read in parallel), resolving (cross-record
-- rules), done.
CREATE TABLE IF NOT EXISTS dynasaur.runs (
  table_name text PRIMARY KEY,
  state text NOT NULL,
  source text NOT NULL,
  segments integer NOT NULL,
  total_items bigint,
  limited boolean NOT NULL DEFAULT false,
  repairs jsonb NOT NULL DEFAULT '{}',
  scan_seconds double precision NOT NULL DEFAULT 0,
  resolve_seconds double precision NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
-- Where each segment stands, written in the transaction of the batch it describes.
CREATE TABLE IF NOT EXISTS dynasaur.checkpoints (
  table_name text NOT NULL,
  segment integer NOT NULL,
  position jsonb,
  done boolean NOT NULL DEFAULT false,
  read bigint NOT NULL DEFAULT 0,
  bytes bigint NOT NULL DEFAULT 0,
  batches bigint NOT NULL DEFAULT 0,
  -- Record-local repairs (REPAIRS) of the committed batches, by code.
  repairs jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (table_name, segment)
);
-- Every record set aside, with the reason; the rejects file is written from here.
CREATE TABLE IF NOT EXISTS dynasaur.rejects (
  table_name text NOT NULL,
  reject_key text NOT NULL,
  legacy_id text,
  reason text NOT NULL,
  field text,
  message text NOT NULL,
  stage text NOT NULL,
  raw jsonb,
  PRIMARY KEY (table_name, reject_key)
);
CREATE INDEX IF NOT EXISTS rejects_legacy_id_idx ON dynasaur.rejects (table_name, legacy_id);
CREATE OR REPLACE FUNCTION dynasaur.add_counts(a jsonb, b jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_object_agg(k, n), '{}'::jsonb)
  FROM (SELECT k, sum(v::bigint) AS n
        FROM (SELECT * FROM jsonb_each_text(a) UNION ALL SELECT * FROM jsonb_each_text(b)) AS x (k, v)
        GROUP BY k) AS s
$$;
`;

export async function ensureStateSchema(
  pool: Pool,
  loaderDdl: readonly string[] = [],
): Promise<void> {
  const client = await pool.connect();
  try {
    // Two migrators starting at once must not race on CREATE … IF NOT EXISTS.
    await client.query('SELECT pg_advisory_lock(hashtext($1))', ['dynasaur.schema']);
    await client.query(DDL);
    for (const ddl of loaderDdl) await client.query(ddl);
    await client.query(
      `INSERT INTO dynasaur.meta (key, value) VALUES ('schema_version', $1)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [String(SCHEMA_VERSION)],
    );
  } finally {
    await client
      .query('SELECT pg_advisory_unlock(hashtext($1))', ['dynasaur.schema'])
      .catch(() => undefined);
    client.release();
  }
}

export type RunState = 'scanning' | 'resolving' | 'done';

export interface RunRow {
  table_name: LegacyTableName;
  state: RunState;
  source: string;
  segments: number;
  total_items: string | null;
  limited: boolean;
  repairs: Record<string, number>;
  scan_seconds: number;
  resolve_seconds: number;
  started_at: Date;
  finished_at: Date | null;
}

export async function getRun(
  db: Pool | PoolClient,
  table: LegacyTableName,
): Promise<RunRow | null> {
  const { rows } = await db.query<RunRow>('SELECT * FROM dynasaur.runs WHERE table_name = $1', [
    table,
  ]);
  return rows[0] ?? null;
}

export async function listRuns(db: Pool): Promise<RunRow[]> {
  const { rows } = await db.query<RunRow>('SELECT * FROM dynasaur.runs');
  return rows;
}

/** A fresh pass: forget checkpoints and rejects of the table (its migrated rows stay). */
export async function startRun(
  pool: Pool,
  table: LegacyTableName,
  source: string,
  segments: number,
  totalItems: number | null,
  stateTables: readonly string[],
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const state of stateTables) await client.query(`TRUNCATE ${state}`);
    await client.query('DELETE FROM dynasaur.checkpoints WHERE table_name = $1', [table]);
    await client.query('DELETE FROM dynasaur.rejects WHERE table_name = $1', [table]);
    await client.query(
      `INSERT INTO dynasaur.runs (table_name, state, source, segments, total_items)
       VALUES ($1, 'scanning', $2, $3, $4)
       ON CONFLICT (table_name) DO UPDATE SET state = 'scanning', source = EXCLUDED.source,
         segments = EXCLUDED.segments, total_items = EXCLUDED.total_items, limited = false,
         repairs = '{}', scan_seconds = 0, resolve_seconds = 0, started_at = now(), finished_at = NULL`,
      [table, source, segments, totalItems],
    );
    for (let s = 0; s < segments; s++) {
      await client.query('INSERT INTO dynasaur.checkpoints (table_name, segment) VALUES ($1, $2)', [
        table,
        s,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function setRunState(
  pool: Pool,
  table: LegacyTableName,
  fields: Partial<
    Pick<RunRow, 'state' | 'limited' | 'repairs' | 'scan_seconds' | 'resolve_seconds'>
  > & {
    finished?: boolean;
  },
): Promise<void> {
  const sets: string[] = [];
  const values: unknown[] = [table];
  const add = (sql: string, value: unknown) => {
    values.push(value);
    sets.push(`${sql} = $${values.length}`);
  };
  if (fields.state) add('state', fields.state);
  if (fields.limited !== undefined) add('limited', fields.limited);
  if (fields.repairs) add('repairs', JSON.stringify(fields.repairs));
  if (fields.scan_seconds !== undefined) add('scan_seconds', fields.scan_seconds);
  if (fields.resolve_seconds !== undefined) add('resolve_seconds', fields.resolve_seconds);
  if (fields.finished) sets.push('finished_at = now()');
  if (sets.length === 0) return;
  await pool.query(`UPDATE dynasaur.runs SET ${sets.join(', ')} WHERE table_name = $1`, values);
}

export interface CheckpointRow {
  segment: number;
  position: unknown;
  done: boolean;
  read: string;
  bytes: string;
  batches: string;
  updated_at: Date;
}

export async function getCheckpoints(db: Pool, table: LegacyTableName): Promise<CheckpointRow[]> {
  const { rows } = await db.query<CheckpointRow>(
    'SELECT segment, position, done, read, bytes, batches, updated_at FROM dynasaur.checkpoints WHERE table_name = $1 ORDER BY segment',
    [table],
  );
  return rows;
}

export interface TableCounts {
  read: number;
  repairs: Record<string, number>;
  bytes: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
}

export async function tableCounts(db: Pool, table: LegacyTableName): Promise<TableCounts> {
  const [{ rows: totals }, { rows: reasons }, { rows: repairRows }] = await Promise.all([
    db.query<{ read: string | null; bytes: string | null }>(
      'SELECT sum(read) AS read, sum(bytes) AS bytes FROM dynasaur.checkpoints WHERE table_name = $1',
      [table],
    ),
    db.query<{ reason: string; n: string }>(
      'SELECT reason, count(*) AS n FROM dynasaur.rejects WHERE table_name = $1 GROUP BY reason ORDER BY reason',
      [table],
    ),
    db.query<{ k: string; n: string }>(
      `SELECT k, sum(v::bigint) AS n FROM dynasaur.checkpoints c, jsonb_each_text(c.repairs) AS x (k, v)
       WHERE c.table_name = $1 GROUP BY k
       UNION ALL
       SELECT k, v::bigint FROM dynasaur.runs r, jsonb_each_text(r.repairs) AS x (k, v) WHERE r.table_name = $1`,
      [table],
    ),
  ]);
  const repairs: Record<string, number> = {};
  for (const r of repairRows) repairs[r.k] = (repairs[r.k] ?? 0) + Number(r.n);
  const rejectedByReason = Object.fromEntries(reasons.map((r) => [r.reason, Number(r.n)]));
  return {
    read: Number(totals[0]?.read ?? 0),
    repairs,
    bytes: Number(totals[0]?.bytes ?? 0),
    rejected: reasons.reduce((sum, r) => sum + Number(r.n), 0),
    rejectedByReason,
  };
}
