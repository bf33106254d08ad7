import { Pool } from 'pg';
import { LegacyTableName } from '@dailies/legacy';
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
import { addItem, Batch, Position } from './batch';
import { BatchWriter } from './batch-writer';
import { readAhead } from './read-ahead';
import { MigrateOptions, RunControl, TableResult, UsageError } from './run-control';
import { TableLoader } from './table-loader';

export { MigrateOptions, RunControl, RunMode, TableResult, UsageError } from './run-control';

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
  private readonly writer: BatchWriter;

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
    this.writer = new BatchWriter(pool, loader, control, progress);
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
        addItem(batch, this.loader, this.control, page, i, segment);
        if (
          batch.lines.length + batch.rejects.length >= this.options.batchRows ||
          batch.bytes >= this.options.batchBytes
        ) {
          await inFlight;
          inFlight = this.writer.write(segment, batch, false);
          batch = new Batch();
        }
      }
      skip = 0;
      if (page.items.length === 0 && page.next) batch.position = { page: page.next, offset: 0 };
    }
    await inFlight;
    await this.writer.write(segment, batch, finished);
  }
}
