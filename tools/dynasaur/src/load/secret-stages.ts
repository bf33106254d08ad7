import { Pool } from 'pg';
import type { LegacyTableName } from '@dailies/legacy';
import { tableCounts } from '../db/state';
import { LOADERS } from './tables';

/**
 * Stage tables that hold password digests are dropped as soon as every table that reads them is
 * done: the digests then live only in their target rows (users, review links), never in the
 * migrator's bookkeeping. The next run recreates them empty.
 */
export async function dropSecretStages(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ table_name: LegacyTableName }>(
    `SELECT table_name FROM dynasaur.runs WHERE state = 'done'`,
  );
  const done = new Set(rows.map((r) => r.table_name));
  const dropped: string[] = [];
  for (const loader of Object.values(LOADERS)) {
    const stage = loader.secretStage;
    if (!stage || !stage.readBy.every((t) => done.has(t))) continue;
    await pool.query(`DROP TABLE IF EXISTS ${stage.table}`);
    dropped.push(stage.table);
  }
  return dropped;
}

/**
 * A table that reads another's dropped stage (accounts read users' account_ids) cannot run
 * without that table in the same run: the stage would be empty and its facts silently missing.
 */
export async function checkSecretStages(
  pool: Pool,
  tables: readonly LegacyTableName[],
): Promise<string | null> {
  for (const loader of Object.values(LOADERS)) {
    const stage = loader.secretStage;
    if (!stage || tables.includes(loader.table)) continue;
    const readers = stage.readBy.filter((t) => t !== loader.table && tables.includes(t));
    if (readers.length === 0) continue;
    const counts = await tableCounts(pool, loader.table);
    const { rows } = await pool.query<{ staged: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${stage.table}) AS staged`,
    );
    if (!rows[0].staged && counts.read > counts.rejected) {
      return (
        `${readers.join(', ')} read ${stage.table}, dropped after ${loader.table} was migrated ` +
        `(it held password digests): migrate ${loader.table} in the same run (or use --all)`
      );
    }
  }
  return null;
}
