import fs from 'node:fs';
import type { TableResult } from './load/migrate-table';

/** What summary.json keeps of each table's result. */
export type TableSummary = Pick<
  TableResult,
  | 'read'
  | 'migrated'
  | 'rejected'
  | 'rejectedByReason'
  | 'repairs'
  | 'bytes'
  | 'seconds'
  | 'limited'
  | 'notReached'
>;

export interface SummaryJson {
  tables: Record<string, TableSummary>;
}

export function summaryJson(results: readonly TableResult[]): SummaryJson {
  return {
    tables: Object.fromEntries(
      results.map((r) => [
        r.table,
        {
          read: r.read,
          migrated: r.migrated,
          rejected: r.rejected,
          rejectedByReason: r.rejectedByReason,
          repairs: r.repairs,
          bytes: r.bytes,
          seconds: Number(r.seconds.toFixed(3)),
          limited: r.limited,
          notReached: r.notReached,
        },
      ]),
    ),
  };
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** The end-of-run table: read, migrated, rejected by reason, bytes, time, rate. */
export function formatSummary(results: readonly TableResult[]): string {
  const rows = results.map((r) => [
    r.table +
      (r.skipped ? ' (done before)' : r.stopped ? ' (stopped)' : r.limited ? ' (--limit)' : ''),
    fmt(r.read),
    fmt(r.migrated),
    fmt(r.rejected),
    Object.entries(r.rejectedByReason)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(', ') || '-',
    `${(r.bytes / 1_048_576).toFixed(1)} MB`,
    `${r.seconds.toFixed(1)} s`,
    r.seconds > 0 && !r.skipped ? `${fmt(Math.round(r.read / r.seconds))}/s` : '-',
  ]);
  const header = [
    'table',
    'read',
    'migrated',
    'rejected',
    'rejected by reason',
    'bytes',
    'time',
    'rate',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  const repairs = results.filter((r) => Object.values(r.repairs).some((n) => n > 0));
  if (repairs.length > 0) {
    out.push('', 'repairs (migrated, adjusted by a documented rule):');
    for (const r of repairs) {
      const list = Object.entries(r.repairs)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${fmt(n)}`)
        .join(', ');
      out.push(`  ${r.table}: ${list}`);
    }
  }
  return out.join('\n');
}

export function writeSummaryFile(file: string, results: readonly TableResult[]): void {
  fs.writeFileSync(file, `${JSON.stringify(summaryJson(results), null, 2)}\n`);
}
