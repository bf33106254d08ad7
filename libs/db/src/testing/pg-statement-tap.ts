import { Client } from 'pg';

/**
 * Calls `listener` with the text of every SQL statement this process sends through `pg`
 * (Prisma's adapter and SqlPool both use it): how tests and benchmarks count round trips.
 * Patches `Client.prototype.query`; the answer undoes the patch.
 */
export function tapPgStatements(listener: (text: string) => void): () => void {
  const prototype = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    listener(
      typeof first === 'string'
        ? first
        : typeof first === 'object' && first !== null && 'text' in first
          ? String((first as { text: unknown }).text)
          : '?',
    );
    return original.apply(this, args);
  };
  return () => {
    prototype.query = original;
  };
}
