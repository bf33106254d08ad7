import { Pool, PoolClient } from 'pg';
import { copyInto } from '../db/copy';
import { Progress } from '../progress';
import { Batch } from './batch';
import { RejectRecord } from './prepare';
import { insertRejects } from './rejects';
import { RunControl } from './run-control';
import { tempTable, TableLoader } from './table-loader';

/** Sessions (pool clients) whose temp staging table for a legacy table exists. */
const prepared = new WeakMap<PoolClient, Set<string>>();

/**
 * Writes one batch of one segment in one transaction: its parse rejects, COPY into the session's
 * temp staging table, the loader's reference checks and upserts, and the segment's checkpoint — so
 * the checkpoints describe exactly what is committed.
 */
export class BatchWriter {
  constructor(
    private readonly pool: Pool,
    private readonly loader: TableLoader<unknown>,
    private readonly control: RunControl,
    private readonly progress: Progress,
  ) {}

  private async ensureTemp(client: PoolClient): Promise<void> {
    let tables = prepared.get(client);
    if (!tables) prepared.set(client, (tables = new Set()));
    if (tables.has(this.loader.table)) return;
    const tmp = tempTable(this.loader.table);
    const columns = [
      'legacy_id text NOT NULL',
      'reject text',
      'reject_message text',
      ...this.loader.columns.map((c) => `${c.name} ${c.type}`),
    ];
    await client.query(
      `CREATE TEMP TABLE IF NOT EXISTS ${tmp} (${columns.join(', ')}) ON COMMIT DELETE ROWS`,
    );
    for (const c of this.loader.columns.filter((col) => col.large)) {
      // Staging keeps big JSON uncompressed: it is compressed once, in the target.
      await client.query(`ALTER TABLE ${tmp} ALTER COLUMN ${c.name} SET STORAGE EXTERNAL`);
    }
    tables.add(this.loader.table);
  }

  async write(segment: number, batch: Batch, done: boolean): Promise<void> {
    if (batch.read === 0 && !done && !batch.position) return;
    const client = await this.pool.connect();
    let loadRejects = 0;
    try {
      await this.ensureTemp(client);
      // Asynchronous commit: a crash of the server may lose the last few batches, but each is
      // lost whole, with its checkpoint (they are one transaction), so --resume re-reads exactly
      // those; no batch waits for its WAL flush. One round trip for both statements.
      await client.query('BEGIN; SET LOCAL synchronous_commit = off');
      if (batch.rejects.length > 0) await insertRejects(client, this.loader.table, batch.rejects);
      const rows = batch.lines.map((_, i) => i);
      loadRejects = await this.loadRows(client, batch, rows, false);
      await client.query(
        `UPDATE dynasaur.checkpoints SET position = coalesce($3::jsonb, position), done = $4,
           read = read + $5, bytes = bytes + $6, batches = batches + 1,
           repairs = dynasaur.add_counts(repairs, $7::jsonb), updated_at = now()
         WHERE table_name = $1 AND segment = $2`,
        [
          this.loader.table,
          segment,
          batch.position ? JSON.stringify(batch.position) : null,
          done,
          batch.read,
          batch.bytes,
          JSON.stringify(batch.repairs),
        ],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      // A failed transaction may leave the session's temp table in doubt: start clean next time.
      prepared.delete(client);
      client.release(true);
      throw error;
    }
    client.release();
    if (loadRejects > 0) this.control.countErrors(loadRejects);
    this.progress.update(this.loader.table, {
      read: batch.read,
      bytes: batch.bytes,
      rejected: batch.rejects.length + loadRejects,
    });
  }

  /**
   * Stages and upserts some lines of the batch inside a savepoint; returns how many were
   * rejected. When PostgreSQL refuses the rows (a value or constraint the parse does not know),
   * the lines are bisected until each refused line stands alone and is rejected
   * (`database_refused`): one bad record never stops the batch, let alone the table.
   */
  private async loadRows(
    client: PoolClient,
    batch: Batch,
    rows: number[],
    clear: boolean,
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const tmp = tempTable(this.loader.table);
    await client.query('SAVEPOINT load_rows');
    try {
      // Rows of an earlier part of a bisected batch are already upserted: out of staging.
      if (clear) await client.query(`DELETE FROM ${tmp}`);
      const loaded = await this.loadStaged(client, batch, rows);
      await client.query('RELEASE SAVEPOINT load_rows');
      return loaded;
    } catch (error) {
      if (!isRefusal(error)) throw error;
      await client.query('ROLLBACK TO SAVEPOINT load_rows');
      await client.query('RELEASE SAVEPOINT load_rows');
      if (rows.length === 1) {
        const i = rows[0];
        await insertRejects(client, this.loader.table, [
          {
            key: batch.ids[i],
            legacyId: batch.ids[i],
            reason: 'database_refused',
            field: null,
            message: `PostgreSQL refused the row: ${(error as Error).message}`,
            stage: 'load',
            raw: batch.raws[i],
          },
        ]);
        return 1;
      }
      const half = Math.ceil(rows.length / 2);
      return (
        (await this.loadRows(client, batch, rows.slice(0, half), true)) +
        (await this.loadRows(client, batch, rows.slice(half), true))
      );
    }
  }

  /** COPY into staging, the loader's reference checks (their rejects), and its upserts. */
  private async loadStaged(client: PoolClient, batch: Batch, rows: number[]): Promise<number> {
    const tmp = tempTable(this.loader.table);
    await copyInto(
      client,
      tmp,
      ['legacy_id', 'reject', 'reject_message', ...this.loader.columns.map((c) => c.name)],
      rows.map((i) => batch.lines[i]),
    );
    for (const sql of this.loader.rejectSql) await client.query(sql);
    const rejects: RejectRecord[] = [];
    if (this.loader.rejectSql.length > 0) {
      const rawOf = new Map(rows.map((i) => [batch.ids[i], batch.raws[i]]));
      const { rows: marked } = await client.query<{
        legacy_id: string;
        reject: string;
        reject_message: string;
      }>(`SELECT legacy_id, reject, reject_message FROM ${tmp} WHERE reject IS NOT NULL`);
      for (const r of marked) {
        rejects.push({
          key: r.legacy_id,
          legacyId: r.legacy_id,
          reason: r.reject,
          field: null,
          message: r.reject_message,
          stage: 'load',
          raw: rawOf.get(r.legacy_id) ?? {},
        });
      }
    }
    if (rejects.length > 0) await insertRejects(client, this.loader.table, rejects);
    for (const sql of this.loader.batchSql) await client.query(sql);
    return rejects.length;
  }
}

/**
 * Errors that are about the rows (SQLSTATE classes 21 cardinality, 22 data exception, 23
 * integrity constraint, 54 program limit such as an over-deep jsonb), not about the connection.
 */
function isRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && ['21', '22', '23', '54'].includes(code.slice(0, 2));
}
