import { Pool } from 'pg';
import type { LegacyTableName } from '@dailies/legacy';
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
