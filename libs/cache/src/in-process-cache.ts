import { LRUCache } from 'lru-cache';
import { Cache, CacheSetOptions, toCacheJson } from './cache';
import { SingleFlight } from './single-flight';

interface Entry {
  json: string;
  tags: readonly string[];
}

export interface InProcessCacheOptions {
  maxEntries: number;
  defaultTtlMs: number;
}

/**
 * The default cache: a bounded LRU in this process (lru-cache), with a tag index. Invalidation
 * is synchronous (invalidateTagsNow), which is what lets the committing request drop stale
 * entries before it answers; other instances hear of changes through the cache consumer.
 */
export class InProcessCache implements Cache {
  readonly scope = 'process' as const;
  private readonly entries: LRUCache<string, Entry>;
  private readonly keysByTag = new Map<string, Set<string>>();
  private readonly flights = new SingleFlight();

  constructor(options: InProcessCacheOptions) {
    this.entries = new LRUCache<string, Entry>({
      max: options.maxEntries,
      ttl: options.defaultTtlMs,
      // Keeps the tag index exact on eviction, expiry, overwrite and delete.
      dispose: (entry, key) => this.unindex(key, entry.tags),
    });
  }

  get size(): number {
    return this.entries.size;
  }

  async get<T>(key: string): Promise<T | undefined> {
    return this.getNow<T>(key);
  }

  getNow<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    return entry ? (JSON.parse(entry.json) as T) : undefined;
  }

  async set<T>(key: string, value: T, options: CacheSetOptions = {}): Promise<void> {
    this.setNow(key, value, options);
  }

  setNow<T>(key: string, value: T, options: CacheSetOptions = {}): void {
    const tags = [...new Set(options.tags ?? [])];
    this.entries.set(key, { json: toCacheJson(value), tags }, { ttl: options.ttlMs });
    for (const tag of tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  async delete(key: string): Promise<void> {
    this.flights.overtake([key], []);
    this.entries.delete(key);
  }

  async getOrLoad<T>(
    key: string,
    load: () => Promise<T>,
    options: CacheSetOptions = {},
  ): Promise<T> {
    const cached = this.getNow<T>(key);
    if (cached !== undefined) return cached;
    return this.flights.start(key, options.tags ?? [], load, async (value) =>
      this.setNow(key, value, options),
    );
  }

  async invalidateTags(tags: readonly string[]): Promise<void> {
    this.invalidateTagsNow(tags);
  }

  /** Drops every entry carrying any of the tags, before returning. */
  invalidateTagsNow(tags: readonly string[]): void {
    this.flights.overtake([], tags);
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag);
      if (!keys) continue;
      this.keysByTag.delete(tag);
      for (const key of [...keys]) this.entries.delete(key);
    }
  }

  async clear(): Promise<void> {
    this.flights.overtakeAll();
    this.entries.clear();
    this.keysByTag.clear();
  }

  private unindex(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.keysByTag.delete(tag);
    }
  }
}
