import { Client } from 'pg';

/**
 * Counts the SQL statements this process sends through `pg` (Prisma's adapter and SqlPool both
 * use it) whose text matches `pattern` — the round trips a request costs. Background work (event
 * sweeps, listeners) shares the process, so callers count only the tables their request reads.
 */
export function countQueries(pattern: RegExp) {
  const seen: string[] = [];
  const prototype = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    const text =
      typeof first === 'string'
        ? first
        : typeof first === 'object' && first !== null && 'text' in first
          ? String((first as { text: unknown }).text)
          : '';
    if (pattern.test(text)) seen.push(text);
    return original.apply(this, args);
  };
  return {
    get statements(): readonly string[] {
      return seen;
    },
    reset(): void {
      seen.length = 0;
    },
    restore(): void {
      prototype.query = original;
    },
  };
}
