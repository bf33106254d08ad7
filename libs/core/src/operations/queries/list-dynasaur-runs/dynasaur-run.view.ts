import type { DynasaurRejectSample, DynasaurRun, DynasaurRunTable } from '@dailies/db';

/** A Dynasaur run as the Support Tool shows it. */
export interface DynasaurRunView {
  id: string;
  command: string;
  mode: string;
  source: string;
  tables: string[];
  state: 'running' | 'succeeded' | 'stopped' | 'failed';
  error: string | null;
  host: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  /** Totals over the tables finished so far. */
  totals: { read: number; migrated: number; rejected: number };
}

export interface DynasaurTableView {
  table: string;
  read: number;
  migrated: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
  repairs: Record<string, number>;
  bytes: number;
  seconds: number;
  limited: boolean;
  skipped: boolean;
  stopped: boolean;
  /** Up to a few rejected records per reason (raw records redacted by Dynasaur). */
  samples: Record<string, DynasaurRejectSampleView[]>;
}

export interface DynasaurRejectSampleView {
  legacyId: string | null;
  field: string | null;
  message: string;
  stage: string;
  raw: unknown;
}

const counts = (value: unknown): Record<string, number> =>
  Object.fromEntries(
    Object.entries((value ?? {}) as Record<string, unknown>).map(([k, v]) => [k, Number(v)]),
  );

export function toDynasaurRunView(
  run: DynasaurRun & { tableRuns: Pick<DynasaurRunTable, 'read' | 'migrated' | 'rejected'>[] },
): DynasaurRunView {
  const sum = (key: 'read' | 'migrated' | 'rejected') =>
    run.tableRuns.reduce((n, t) => n + Number(t[key]), 0);
  return {
    id: run.id,
    command: run.command,
    mode: run.mode,
    source: run.source,
    tables: run.tables,
    state: run.state as DynasaurRunView['state'],
    error: run.error,
    host: run.host,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    totals: { read: sum('read'), migrated: sum('migrated'), rejected: sum('rejected') },
  };
}

export function toDynasaurTableView(
  table: DynasaurRunTable,
  samples: readonly DynasaurRejectSample[],
): DynasaurTableView {
  const byReason: Record<string, DynasaurRejectSampleView[]> = {};
  for (const s of samples.filter((s) => s.tableName === table.tableName)) {
    (byReason[s.reason] ??= []).push({
      legacyId: s.legacyId,
      field: s.field,
      message: s.message,
      stage: s.stage,
      raw: s.raw,
    });
  }
  return {
    table: table.tableName,
    read: Number(table.read),
    migrated: Number(table.migrated),
    rejected: Number(table.rejected),
    rejectedByReason: counts(table.rejectedByReason),
    repairs: counts(table.repairs),
    bytes: Number(table.bytes),
    seconds: table.seconds,
    limited: table.limited,
    skipped: table.skipped,
    stopped: table.stopped,
    samples: byReason,
  };
}
