import { PoolClient } from 'pg';
import type { LegacyTableName } from '@dailies/legacy';
import { CopyValue } from '../db/copy';

export interface StagingColumn {
  name: string;
  /** PostgreSQL type of the staging column (COPY parses into it). */
  type: string;
  /** Large JSON text: stored uncompressed in staging (it is compressed once, in the target). */
  large?: boolean;
}

/** The per-batch temp table every loader copies into (`ON COMMIT DELETE ROWS`). */
export const tempTable = (table: LegacyTableName) => `dynasaur_batch_${table}`;

export interface ResolveContext {
  client: PoolClient;
  log: (message: string) => void;
}

/**
 * How one legacy table's new-side records reach PostgreSQL:
 * - `columns`/`values`: the staging row (plus `legacy_id`, `reject`, `reject_message`, added for
 *   every table) that one COPY per batch writes;
 * - `rejectSql`: UPDATEs that mark staged rows whose required references do not exist;
 * - `batchSql`: idempotent upserts from staging into targets and facts, in the batch's
 *   transaction (rows with `reject IS NULL` only);
 * - `resolve`: the set-based, idempotent rules that need the whole table (and its dependencies);
 *   returns repair counts.
 */
export interface TableLoader<New> {
  table: LegacyTableName;
  /** DDL of the loader's persistent tables in schema dynasaur (facts / stage). */
  stateDdl: string;
  /** Persistent tables emptied when a fresh pass starts. */
  stateTables: string[];
  /**
   * A persistent stage holding password digests, and the tables whose runs read it: dropped once
   * they are all done (see secret-stages.ts).
   */
  secretStage?: { table: string; readBy: LegacyTableName[] };
  /** The raw record goes into staging too (tables decided in resolve keep it for rejects). */
  needsRaw?: boolean;
  columns: StagingColumn[];
  values(value: New): CopyValue[];
  rejectSql: string[];
  batchSql: string[];
  resolve(ctx: ResolveContext): Promise<Record<string, number>>;
}

/**
 * `INSERT … ON CONFLICT DO UPDATE … WHERE (…) IS DISTINCT FROM (…)`: a re-run over the same data
 * writes no row (no dead tuples, no table growth).
 */
export function upsert(options: {
  into: string;
  alias: string;
  columns: string[];
  select: string;
  conflict: string;
  update: string[];
  /** Per-column SET expressions that differ from EXCLUDED.col. */
  setExpressions?: Record<string, string>;
}): string {
  const { into, alias, columns, select, conflict, update } = options;
  const expr = (c: string) => options.setExpressions?.[c] ?? `EXCLUDED.${c}`;
  const set =
    update.length === 1
      ? `${update[0]} = ${expr(update[0])}`
      : `(${update.join(', ')}) = (${update.map(expr).join(', ')})`;
  const distinct =
    update.length === 1
      ? `${alias}.${update[0]} IS DISTINCT FROM ${expr(update[0])}`
      : `(${update.map((c) => `${alias}.${c}`).join(', ')}) IS DISTINCT FROM (${update.map(expr).join(', ')})`;
  const action = update.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${set} WHERE ${distinct}`;
  return `INSERT INTO ${into} AS ${alias} (${columns.join(', ')})
${select}
ON CONFLICT (${conflict}) ${action}`;
}

/**
 * Marks staged rows whose required reference is missing: `reference_rejected` when the
 * referenced record is in the rejects, else `dangling_reference`.
 */
export function rejectMissingReference(options: {
  tmp: string;
  column: string;
  legacyColumn: string;
  target: string;
  referencedTable: LegacyTableName;
  field: string;
}): string {
  const { tmp, column, legacyColumn, target, referencedTable, field } = options;
  return `UPDATE ${tmp} t SET
  reject = CASE WHEN EXISTS (SELECT 1 FROM dynasaur.rejects r
                             WHERE r.table_name = '${referencedTable}' AND r.legacy_id = t.${legacyColumn})
                THEN 'reference_rejected' ELSE 'dangling_reference' END,
  reject_message = CASE WHEN EXISTS (SELECT 1 FROM dynasaur.rejects r
                             WHERE r.table_name = '${referencedTable}' AND r.legacy_id = t.${legacyColumn})
                THEN format('${field} %s names a rejected ${referencedTable} record', t.${legacyColumn})
                ELSE format('${field} %s names no ${referencedTable} record', t.${legacyColumn}) END
WHERE t.reject IS NULL AND NOT EXISTS (SELECT 1 FROM ${target} x WHERE x.id = t.${column})`;
}

export async function countOf(
  client: PoolClient,
  sql: string,
  params: unknown[] = [],
): Promise<number> {
  const { rows } = await client.query<{ n: string | number | null }>(sql, params);
  return Number(rows[0]?.n ?? 0);
}
