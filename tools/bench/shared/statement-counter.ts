import { tapPgStatements } from '@dailies/db/testing';

/**
 * Counts every SQL statement this process sends through `pg` (Prisma's adapter and SqlPool both
 * use it), grouped by its first words — how many round trips a workload costs, and which.
 */
export function countStatements() {
  const counts = new Map<string, number>();
  const stop = tapPgStatements((text) => {
    const kind = shapeOf(text);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  });
  return {
    reset: () => counts.clear(),
    /** Statements per `per` units of work, most frequent first. */
    report(per: number): string[] {
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      return [
        `${(total / per).toFixed(2)} statements per unit in all`,
        ...[...counts]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 20)
          .map(([kind, n]) => `${(n / per).toFixed(2)}  ${kind}`),
      ];
    },
    stop,
  };
}

/** The statement's verb and first table, e.g. `INSERT comments`, `WITH … events`, `BEGIN`. */
function shapeOf(text: string): string {
  const flat = text
    .replace(/\s+/g, ' ')
    .replace(/"public"\./g, '')
    .replace(/"/g, '')
    .trim();
  const verb = flat.split(' ')[0].toUpperCase();
  const table = /\b(?:FROM|INTO|UPDATE|JOIN)\s+([a-z_]+)/i.exec(flat)?.[1];
  const notify = /pg_notify\(\s*'?([a-z_]*)/i.exec(flat);
  if (notify) return `${verb} … pg_notify ${notify[1] || ''}`.trim();
  return table ? `${verb} ${table}` : flat.slice(0, 60);
}
