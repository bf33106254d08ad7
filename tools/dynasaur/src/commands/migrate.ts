import fs from 'node:fs';
import { Pool } from 'pg';
import { LEGACY_TABLES, LegacyTableName } from '@dailies/legacy';
import { CliArgs } from '../cli/args';
import { sourceFromArgs } from '../cli/sources';
import { RunLog } from '../db/run-log';
import { ensureStateSchema, getRun } from '../db/state';
import { LOADERS } from '../load/tables';
import {
  MigrateOptions,
  RunControl,
  RunMode,
  TableMigration,
  TableResult,
  UsageError,
} from '../load/migrate-table';
import { prepareItem } from '../load/prepare';
import { checkSecretStages, dropSecretStages } from '../load/secret-stages';
import { Progress } from '../progress';
import { formatSummary, writeSummaryFile } from '../summary';

export interface CommandIo {
  databaseUrl: string | undefined;
  out: (text: string) => void;
  log: (message: string) => void;
  progress: Progress;
  control: RunControl;
}

export function migrateOptions(args: CliArgs): MigrateOptions {
  if (args.flag('resume') && args.flag('restart'))
    throw new UsageError('pass --resume or --restart, not both');
  const mode: RunMode = args.flag('resume') ? 'resume' : args.flag('restart') ? 'restart' : 'fresh';
  return {
    segments: args.int('segments', 4, 1),
    batchRows: args.int('batch-rows', 1000, 1),
    // Two batches per segment in memory at most (one committing, one filling), each held twice
    // (the encoded lines and the raw records kept for rejects): 1 MiB keeps what a run holds small
    // and flat (and the garbage collector's work low) whatever the data size; 4 MiB measured no
    // faster (docs/benchmarks.md, issue 17).
    batchBytes: args.int('batch-bytes', 1 << 20, 1024),
    limit: args.optionalInt('limit', 1),
    mode,
    maxErrors: args.optionalInt('max-errors', 0),
  };
}

export async function migrateCommand(args: CliArgs, io: CommandIo): Promise<number> {
  const tables = args.tables();
  const options = migrateOptions(args);
  const source = sourceFromArgs(args, io.log);
  const results: TableResult[] = [];
  try {
    if (args.flag('dry-run')) {
      for (const table of tables) results.push(await dryRun(table, source, options, io));
    } else {
      if (!io.databaseUrl) throw new UsageError('DATABASE_URL is not set');
      const pool = new Pool({
        connectionString: io.databaseUrl,
        max: Math.min(options.segments, 6) + 1,
        application_name: 'dynasaur',
      });
      pool.on('error', () => undefined);
      try {
        await ensureStateSchema(
          pool,
          Object.values(LOADERS).map((l) => l.stateDdl),
        );
        await checkDependencies(pool, tables);
        const stageProblem = await checkSecretStages(pool, tables);
        if (stageProblem) throw new UsageError(stageProblem);
        const runLog = await RunLog.start(
          pool,
          { command: 'migrate', mode: options.mode, source: source.description, tables },
          io.log,
        );
        try {
          for (const table of tables) {
            const migration = new TableMigration(
              pool,
              source,
              LOADERS[table],
              options,
              io.control,
              io.progress,
              io.log,
            );
            const result = await migration.run();
            results.push(result);
            await runLog.tableFinished(result);
            if (result.stopped) break;
          }
          for (const stage of await dropSecretStages(pool)) {
            io.log(`${stage}: dropped (it held password digests)`);
          }
          const rejectsFile = args.string('rejects');
          if (rejectsFile) await writeRejects(pool, tables, rejectsFile);
        } catch (error) {
          await runLog
            .finish('failed', error instanceof Error ? error.message : String(error))
            .catch(() => undefined);
          throw error;
        }
        await runLog.finish(results.some((r) => r.stopped) ? 'stopped' : 'succeeded');
      } finally {
        await pool.end();
      }
    }
  } finally {
    io.progress.close();
    await source.close();
  }
  io.out(formatSummary(results));
  const summaryFile = args.string('summary');
  if (summaryFile) writeSummaryFile(summaryFile, results);
  if (results.some((r) => r.stopped)) {
    io.log(`stopped: ${io.control.stopReason}; continue with --resume`);
    return 3;
  }
  return 0;
}

/** A table may only load once what it depends on has been migrated (or is in this run, first). */
async function checkDependencies(pool: Pool, tables: readonly LegacyTableName[]): Promise<void> {
  for (const table of tables) {
    for (const dependency of LEGACY_TABLES[table].dependsOn) {
      if (tables.includes(dependency)) continue;
      const run = await getRun(pool, dependency);
      if (run?.state !== 'done') {
        throw new UsageError(
          `${table} depends on ${dependency}: migrate ${dependency} first (or use --all)`,
        );
      }
    }
  }
}

/** Reads and translates without writing anything: what would be rejected at parse time, and why. */
async function dryRun(
  table: LegacyTableName,
  source: ReturnType<typeof sourceFromArgs>,
  options: MigrateOptions,
  io: CommandIo,
): Promise<TableResult> {
  const started = Date.now();
  const tableSource = await source.open(table, options.segments);
  io.progress.start(table, tableSource.totalItems);
  let remaining = options.limit ?? Infinity;
  let read = 0;
  let bytes = 0;
  const rejectedByReason: Record<string, number> = {};
  const repairs: Record<string, number> = {};
  for (let segment = 0; segment < tableSource.segments && remaining > 0; segment++) {
    for await (const page of tableSource.pages(segment, null)) {
      for (let i = 0; i < page.items.length && remaining > 0; i++, remaining--) {
        const prepared = prepareItem(table, LOADERS[table], page.items[i], `${segment}:${i}`);
        read++;
        bytes += page.bytes[i] ?? 0;
        if (!prepared.ok)
          rejectedByReason[prepared.reject.reason] =
            (rejectedByReason[prepared.reject.reason] ?? 0) + 1;
        else for (const r of prepared.repairs) repairs[r] = (repairs[r] ?? 0) + 1;
      }
      io.progress.update(table, { read: page.items.length, bytes: 0, rejected: 0 });
      if (remaining <= 0) break;
    }
  }
  io.progress.finish(table);
  const rejected = Object.values(rejectedByReason).reduce((a, b) => a + b, 0);
  return {
    table,
    read,
    migrated: read - rejected,
    rejected,
    rejectedByReason,
    repairs,
    bytes,
    seconds: (Date.now() - started) / 1000,
    limited: remaining <= 0 && options.limit !== null,
    notReached: null,
    stopped: false,
    skipped: false,
  };
}

/** The rejects of the run's tables as NDJSON: table, legacyId, reason, field, message, stage, raw. */
export async function writeRejects(
  pool: Pool,
  tables: readonly LegacyTableName[],
  file: string,
): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = (line: string) =>
    new Promise<void>((resolve, reject) => {
      if (out.write(line)) resolve();
      else out.once('drain', resolve).once('error', reject);
    });
  for (const table of tables) {
    let after = '';
    for (;;) {
      const { rows } = await pool.query<{
        reject_key: string;
        legacy_id: string | null;
        reason: string;
        field: string | null;
        message: string;
        stage: string;
        raw: unknown;
      }>(
        `SELECT reject_key, legacy_id, reason, field, message, stage, raw FROM dynasaur.rejects
         WHERE table_name = $1 AND reject_key > $2 ORDER BY reject_key LIMIT 500`,
        [table, after],
      );
      if (rows.length === 0) break;
      for (const r of rows) {
        await write(
          `${JSON.stringify({ table, legacyId: r.legacy_id, reason: r.reason, field: r.field, message: r.message, stage: r.stage, raw: r.raw })}\n`,
        );
      }
      after = rows[rows.length - 1].reject_key;
    }
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}
