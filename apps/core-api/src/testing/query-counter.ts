import { tapPgStatements } from '@dailies/db/testing';

/**
 * Counts the SQL statements this process sends whose text matches `pattern` — the round trips a
 * request costs. Background work (event sweeps, listeners) shares the process, so callers count
 * only the tables their request reads.
 */
export function countQueries(pattern: RegExp) {
  const seen: string[] = [];
  const restore = tapPgStatements((text) => {
    if (pattern.test(text)) seen.push(text);
  });
  return {
    get statements(): readonly string[] {
      return seen;
    },
    reset(): void {
      seen.length = 0;
    },
    restore,
  };
}
