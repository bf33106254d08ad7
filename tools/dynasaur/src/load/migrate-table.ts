import { Pool, PoolClient } from 'pg';
import { LegacyTableName, RepairCode, storableJson } from '@dailies/legacy';
import { copyInto } from '../db/copy';
import {
  CheckpointRow,
  getCheckpoints,
  getRun,
  setRunState,
  startRun,
  tableCounts,
} from '../db/state';
import { Progress } from '../progress';
import { Source, SourcePage, TableSource } from '../sources/source';
import { prepareItem, RejectRecord } from './prepare';
import { readAhead } from './read-ahead';
import { tempTable, TableLoader } from './table-loader';

export type RunMode = 'fresh' | 'resume' | 'restart';

export interface MigrateOptions {
  segments: number;
  batchRows: number;
  batchBytes: number;
  limit: number | null;
  mode: RunMode;
  maxErrors: number | null;
}

export interface TableResult {
  table: LegacyTableName;
  read: number;
  migrated: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
  repairs: Record<string, number>;
  bytes: number;
  seconds: number;
  /** Stopped early by --limit: `notReached` items were not read. */
  limited: boolean;
  notReached: number | null;
  /** Stopped by --max-errors or a signal before the end: resumable. */
  stopped: boolean;
  skipped: boolean;
}

export class UsageError extends Error {}

/** Shared by every table of one `migrate` run: the stop flag and the --limit/--max-errors budgets. */
export class RunControl {
  stopReason: string | null = null;
  errors = 0;
  constructor(readonly maxErrors: number | null) {}

  countErrors(n: number): void {
    this.errors += n;
    if (this.maxErrors !== null && this.errors > this.maxErrors && !this.stopReason) {
      this.stopReason = `more than ${this.maxErrors} rejects (--max-errors)`;
    }
  }

  stop(reason: string): void {
    this.stopReason ??= reason;
  }
}

interface Position {
  page: unknown;
  offset: number;
}

class Batch {
  lines: string[] = [];
  bytes = 0;
  read = 0;
  rejects: RejectRecord[] = [];
  /** Per line: the legacy id and the (redacted) raw record, for rejects found in the database. */
  ids: string[] = [];
  raws: RejectRecord['raw'][] = [];
  repairs: Partial<Record<RepairCode, number>> = {};
  position: Position | null = null;
}

const prepared = new WeakMap<PoolClient, Set<string>>();

/**
 * Migrates one legacy table: every segment of the source is read in parallel, in bounded batches
 * (rows and bytes); each batch is one transaction — COPY into a temp staging table, the loader's
 * checks and upserts, the rejects, and the segment's checkpoint — so after a crash at any point
 * the checkpoints describe exactly what is committed and `--resume` re-reads at most the page a
 * segment was in. Then the loader's cross-record rules run (resolve), once the whole table is in.
 */
export class TableMigration {
  private remaining: number | null;
  private limited = false;

  constructor(
    private readonly pool: Pool,
    private readonly source: Source,
    private readonly loader: TableLoader<unknown>,
    private readonly options: MigrateOptions,
    private readonly control: RunControl,
    private readonly progress: Progress,
    private readonly log: (message: string) => void,
  ) {
    this.remaining = options.limit;
  }

  get table(): LegacyTableName {
    return this.loader.table;
  }

  async run(): Promise<TableResult> {
    const started = Date.now();
    let run = await getRun(this.pool, this.table);
    const unfinished = run !== null && run.state !== 'done';
    if (this.options.mode === 'resume' && run?.state === 'done') {
      this.log(`${this.table}: already migrated, skipped (--resume)`);
      return { ...(await this.result(0)), skipped: true };
    }
    if (this.options.mode === 'fresh' && unfinished) {
      throw new UsageError(
        `${this.table}: an interrupted run exists (${run?.state}); pass --resume to continue it or --restart to start over`,
      );
    }
    let segments = this.options.segments;
    let tableSource: TableSource;
    if (this.options.mode === 'resume' && unfinished && run) {
      segments = run.segments; // checkpoints refer to the segments the run started with
      tableSource = await this.source.open(this.table, segments);
    } else {
      tableSource = await this.source.open(this.table, segments);
      await startRun(
        this.pool,
        this.table,
        this.source.description,
        segments,
        tableSource.totalItems,
        this.loader.stateTables,
      );
      run = await getRun(this.pool, this.table);
    }
    this.progress.start(this.table, tableSource.totalItems);

    if (run?.state === 'scanning') {
      const scanStarted = Date.now();
      const checkpoints = await getCheckpoints(this.pool, this.table);
      const already = await tableCounts(this.pool, this.table);
      this.progress.update(this.table, {
        read: already.read,
        bytes: already.bytes,
        rejected: already.rejected,
      });
      if (this.remaining !== null) this.remaining = Math.max(0, this.remaining - already.read);
      await Promise.all(
        checkpoints.filter((c) => !c.done).map((c) => this.scanSegment(tableSource, c)),
      );
      await setRunState(this.pool, this.table, {
        scan_seconds: (run.scan_seconds ?? 0) + (Date.now() - scanStarted) / 1000,
      });
      if (this.control.stopReason) {
        this.progress.finish(this.table);
        return { ...(await this.result((Date.now() - started) / 1000)), stopped: true };
      }
      await setRunState(this.pool, this.table, { state: 'resolving', limited: this.limited });
    }

    const resolveStarted = Date.now();
    const repairs = await this.resolve();
    await setRunState(this.pool, this.table, {
      state: 'done',
      repairs,
      resolve_seconds: (Date.now() - resolveStarted) / 1000,
      finished: true,
    });
    this.progress.finish(this.table);
    return this.result((Date.now() - started) / 1000, tableSource.totalItems);
  }

  private async result(seconds: number, totalItems: number | null = null): Promise<TableResult> {
    const counts = await tableCounts(this.pool, this.table);
    const run = await getRun(this.pool, this.table);
    const limited = run?.limited ?? this.limited;
    return {
      table: this.table,
      read: counts.read,
      migrated: counts.read - counts.rejected,
      rejected: counts.rejected,
      rejectedByReason: counts.rejectedByReason,
      repairs: counts.repairs,
      bytes: counts.bytes,
      seconds,
      limited,
      notReached: limited && totalItems !== null ? Math.max(0, totalItems - counts.read) : null,
      stopped: false,
      skipped: false,
    };
  }

  private async resolve(): Promise<Record<string, number>> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL work_mem = '64MB'`);
      const repairs = await this.loader.resolve({ client, log: this.log });
      await client.query('COMMIT');
      return repairs;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private takeOne(): boolean {
    if (this.remaining === null) return true;
    if (this.remaining <= 0) {
      this.limited = true;
      return false;
    }
    this.remaining--;
    return true;
  }

  private async scanSegment(tableSource: TableSource, checkpoint: CheckpointRow): Promise<void> {
    const segment = checkpoint.segment;
    const from = checkpoint.position as Position | null;
    let skip = from?.offset ?? 0;
    let batch = new Batch();
    let inFlight: Promise<void> | null = null;
    let finished = true;
    const pages = readAhead<SourcePage>(tableSource.pages(segment, from?.page ?? null));
    outer: for await (const page of pages) {
      for (let i = skip; i < page.items.length; i++) {
        if (this.control.stopReason || !this.takeOne()) {
          finished = false;
          break outer;
        }
        this.add(batch, page, i, segment);
        if (
          batch.lines.length + batch.rejects.length >= this.options.batchRows ||
          batch.bytes >= this.options.batchBytes
        ) {
          await inFlight;
          inFlight = this.flush(segment, batch, false);
          batch = new Batch();
        }
      }
      skip = 0;
      if (page.items.length === 0 && page.next) batch.position = { page: page.next, offset: 0 };
    }
    await inFlight;
    await this.flush(segment, batch, finished);
  }

  private add(batch: Batch, page: SourcePage, index: number, segment: number): void {
    const item = page.items[index];
    const prepared = prepareItem(
      this.table,
      this.loader,
      item,
      `${segment}:${JSON.stringify(page.start)}:${index}`,
    );
    batch.read++;
    batch.bytes += page.bytes[index] ?? 0;
    batch.position =
      index + 1 < page.items.length || !page.next
        ? { page: page.start, offset: index + 1 }
        : { page: page.next, offset: 0 };
    if (!prepared.ok) {
      batch.rejects.push(prepared.reject);
      this.control.countErrors(1);
      return;
    }
    batch.lines.push(prepared.line);
    batch.ids.push(prepared.legacyId);
    batch.raws.push(prepared.raw);
    for (const code of prepared.repairs) batch.repairs[code] = (batch.repairs[code] ?? 0) + 1;
  }

  private async ensureTemp(client: PoolClient): Promise<void> {
    let tables = prepared.get(client);
    if (!tables) prepared.set(client, (tables = new Set()));
    if (tables.has(this.table)) return;
    const tmp = tempTable(this.table);
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
    tables.add(this.table);
  }

  private async flush(segment: number, batch: Batch, done: boolean): Promise<void> {
    if (batch.read === 0 && !done && !batch.position) return;
    const client = await this.pool.connect();
    let loadRejects = 0;
    try {
      await this.ensureTemp(client);
      await client.query('BEGIN');
      if (batch.rejects.length > 0) await insertRejects(client, this.table, batch.rejects);
      const rows = batch.lines.map((_, i) => i);
      loadRejects = await this.loadRows(client, batch, rows, false);
      await client.query(
        `UPDATE dynasaur.checkpoints SET position = coalesce($3::jsonb, position), done = $4,
           read = read + $5, bytes = bytes + $6, batches = batches + 1,
           repairs = dynasaur.add_counts(repairs, $7::jsonb), updated_at = now()
         WHERE table_name = $1 AND segment = $2`,
        [
          this.table,
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
    this.progress.update(this.table, {
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
    const tmp = tempTable(this.table);
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
        await insertRejects(client, this.table, [
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
    const tmp = tempTable(this.table);
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
    if (rejects.length > 0) await insertRejects(client, this.table, rejects);
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

async function insertRejects(
  client: PoolClient,
  table: LegacyTableName,
  rejects: RejectRecord[],
): Promise<void> {
  await client.query(
    `INSERT INTO dynasaur.rejects (table_name, reject_key, legacy_id, reason, field, message, stage, raw)
     SELECT $1, r.key, r.legacy_id, r.reason, r.field, r.message, r.stage, r.raw
     FROM jsonb_to_recordset($2::jsonb) AS r (key text, legacy_id text, reason text, field text, message text,
                                              stage text, raw jsonb)
     ON CONFLICT (table_name, reject_key) DO UPDATE SET legacy_id = EXCLUDED.legacy_id, reason = EXCLUDED.reason,
       field = EXCLUDED.field, message = EXCLUDED.message, stage = EXCLUDED.stage, raw = EXCLUDED.raw`,
    [
      table,
      // jsonb refuses U+0000 and lone surrogates: they are kept as visible escapes instead.
      storableJson(
        rejects.map((r) => ({
          key: r.key,
          legacy_id: r.legacyId,
          reason: r.reason,
          field: r.field,
          message: r.message,
          stage: r.stage,
          raw: r.raw,
        })),
      ),
    ],
  );
}
