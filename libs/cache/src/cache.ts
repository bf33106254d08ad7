/** Nest token of the process's Cache (in-process LRU, or Redis shared by every instance). */
export const CACHE = Symbol('CACHE');

export interface CacheSetOptions {
  /** Time to live; the cache's default when left out. */
  ttlMs?: number;
  /** Invalidating any of these tags drops the entry (see cacheTags for the names in use). */
  tags?: readonly string[];
}

/**
 * A cache of plain JSON-safe data. Values go through JSON in every implementation, so what
 * comes back is what JSON gives: dates as ISO strings (revive them if you need Date objects),
 * BigInt as numbers, no class instances, and never an object shared with another caller.
 */
export interface Cache {
  /** 'process': this instance only (invalidations must reach the others); 'shared': Redis. */
  readonly scope: 'process' | 'shared';
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, options?: CacheSetOptions): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Read-through: the cached value, or `load()`'s, stored with `options`. A burst of misses on
   * one key shares one load (single flight). A load overtaken by an invalidation of its key or
   * tags still answers its callers but is not stored, and later callers load afresh — so a
   * change committed before a request started is never hidden by an older load.
   */
  getOrLoad<T>(key: string, load: () => Promise<T>, options?: CacheSetOptions): Promise<T>;
  invalidateTags(tags: readonly string[]): Promise<void>;
  /** Drops everything (e.g. after invalidation messages may have been missed). */
  clear(): Promise<void>;
}

/** JSON text of a cache value; BigInt becomes a number (the API returns BigInt columns so). */
export function toCacheJson(value: unknown): string {
  const json = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
  if (json === undefined) throw new TypeError('Cache values must be JSON-serialisable');
  return json;
}
