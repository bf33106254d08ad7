import { Pool } from 'pg';
import { LEGACY_TABLE_NAMES } from '@dailies/legacy';
import { ensureStateSchema, getCheckpoints, listRuns, tableCounts } from '../db/state';
import { UsageError } from '../load/migrate-table';
import { CommandIo } from './migrate';

/** Progress per table and segment, from the checkpoints. */
export async function statusCommand(io: Pick<CommandIo, 'databaseUrl' | 'out'>): Promise<number> {
  if (!io.databaseUrl) throw new UsageError('DATABASE_URL is not set');
  const pool = new Pool({ connectionString: io.databaseUrl, max: 2, application_name: 'dynasaur' });
  try {
    await ensureStateSchema(pool);
    const runs = new Map((await listRuns(pool)).map((r) => [r.table_name, r]));
    const lines: string[] = [];
    for (const table of LEGACY_TABLE_NAMES) {
      const run = runs.get(table);
      if (!run) {
        lines.push(`${table}: not started`);
        continue;
      }
      const counts = await tableCounts(pool, table);
      const total = run.total_items
        ? ` of ~${Number(run.total_items).toLocaleString('en-US')}`
        : '';
      lines.push(
        `${table}: ${run.state}${run.limited ? ' (--limit)' : ''} — read ${counts.read.toLocaleString('en-US')}${total}, ` +
          `rejected ${counts.rejected.toLocaleString('en-US')}, source ${run.source}, started ${run.started_at.toISOString()}` +
          (run.finished_at ? `, finished ${run.finished_at.toISOString()}` : ''),
      );
      if (run.state !== 'done') {
        for (const c of await getCheckpoints(pool, table)) {
          lines.push(
            `  segment ${c.segment}: ${c.done ? 'done' : 'in progress'}, ${Number(c.read).toLocaleString('en-US')} read in ` +
              `${c.batches} batches, at ${c.position === null ? 'start' : JSON.stringify(c.position)} (${c.updated_at.toISOString()})`,
          );
        }
      }
    }
    io.out(lines.join('\n'));
    return 0;
  } finally {
    await pool.end();
  }
}
