import crypto from 'node:crypto';
import os from 'node:os';
import { Pool } from 'pg';
import type { LegacyTableName } from '@dailies/legacy';
import type { TableResult } from '../load/migrate-table';

/** How many rejected records per table and reason a run keeps for the Support Tool. */
export const REJECT_SAMPLES_PER_REASON = 5;

export interface RunStart {
  command: string;
  mode: string;
  source: string;
  tables: readonly LegacyTableName[];
}

/**
 * The run's history in the application's own tables (`dynasaur_runs`, migration
 * 1797700000100), which the Support Tool reads: a row when the run starts, each table's counts
 * and reject samples as the table finishes, the outcome at the end. Unlike the working state in
 * the `dynasaur` schema it outlives the migration. A database without those tables (migrations
 * not applied yet) gets no history, with one log line, rather than a failed migration.
 */
export class RunLog {
  private constructor(
    private readonly pool: Pool,
    readonly runId: string | null,
  ) {}

  static async start(pool: Pool, run: RunStart, log: (message: string) => void): Promise<RunLog> {
    const { rows } = await pool.query<{ ok: boolean }>(
      "SELECT to_regclass('public.dynasaur_runs') IS NOT NULL AS ok",
    );
    if (!rows[0]?.ok) {
      log('dynasaur_runs is missing (migrations not applied): this run is not recorded');
      return new RunLog(pool, null);
    }
    const id = crypto.randomUUID();
    await pool.query(
      `INSERT INTO dynasaur_runs (id, command, mode, source, tables, host)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, run.command, run.mode, run.source, run.tables, os.hostname()],
    );
    return new RunLog(pool, id);
  }

  /** The table's counts, and up to REJECT_SAMPLES_PER_REASON of its rejects per reason. */
  async tableFinished(result: TableResult): Promise<void> {
    if (!this.runId) return;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO dynasaur_run_tables (run_id, table_name, read, migrated, rejected,
           rejected_by_reason, repairs, bytes, seconds, limited, skipped, stopped)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (run_id, table_name) DO NOTHING`,
        [
          this.runId,
          result.table,
          result.read,
          result.migrated,
          result.rejected,
          JSON.stringify(result.rejectedByReason),
          JSON.stringify(result.repairs),
          result.bytes,
          result.seconds,
          result.limited,
          result.skipped,
          result.stopped,
        ],
      );
      // The rejects of this table's pass (dynasaur.rejects holds the current pass's, redacted).
      await client.query(
        `INSERT INTO dynasaur_reject_samples (run_id, table_name, reason, ordinal, legacy_id, field,
           message, stage, raw)
         SELECT $1, table_name, reason, n, legacy_id, field, message, stage, raw
           FROM (SELECT r.*, row_number() OVER (PARTITION BY reason ORDER BY reject_key)::int AS n
                   FROM dynasaur.rejects r WHERE table_name = $2) AS numbered
          WHERE n <= $3
         ON CONFLICT DO NOTHING`,
        [this.runId, result.table, REJECT_SAMPLES_PER_REASON],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async finish(state: 'succeeded' | 'stopped' | 'failed', error?: string): Promise<void> {
    if (!this.runId) return;
    await this.pool.query(
      `UPDATE dynasaur_runs SET state = $2, error = $3, finished_at = now() WHERE id = $1`,
      [this.runId, state, error?.slice(0, 2000) ?? null],
    );
  }
}
