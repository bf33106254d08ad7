import { Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { Cache, CacheSetOptions, toCacheJson } from './cache';
import { INVALIDATE_TAGS, STORE_IF_CURRENT } from './redis-scripts';
import { SingleFlight } from './single-flight';

export interface RedisCacheOptions {
  url: string;
  /** Namespace of every key, e.g. "dailies:" (tests use a unique one per run). */
  keyPrefix: string;
  defaultTtlMs: number;
}

/**
 * Tag versions outlive any load by far; they only need to exist while a load that read them
 * may still finish. A version that expired reads as "" again, which can only make a store fail.
 */
const TAG_VERSION_TTL_MS = 24 * 3_600_000;

interface Scripts {
  dailiesStoreIfCurrent(...args: (string | number)[]): Promise<number>;
  dailiesInvalidateTags(...args: (string | number)[]): Promise<number>;
}

/**
 * The cache shared by every instance (CACHE_URL=redis://…). Values are JSON strings with a TTL;
 * each tag is a Redis set of its keys plus a version that every invalidation bumps, and a
 * read-through load is stored only if none of its tags' versions moved while it ran — so a
 * load that raced with an invalidation on another instance cannot put stale data back.
 * Reads and stores fail open (a Redis outage costs speed, not correctness); invalidations throw,
 * so that their caller (the cache consumer) retries them.
 */
export class RedisCache implements Cache, OnModuleDestroy {
  readonly scope = 'shared' as const;
  readonly client: Redis;
  private readonly scripts: Scripts;
  private readonly flights = new SingleFlight();
  private readonly log = new Logger('RedisCache');

  constructor(private readonly options: RedisCacheOptions) {
    this.client = new Redis(options.url, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
    this.client.on('error', (error: Error) => this.log.warn(`Redis: ${error.message}`));
    this.client.defineCommand('dailiesStoreIfCurrent', { numberOfKeys: 0, lua: STORE_IF_CURRENT });
    this.client.defineCommand('dailiesInvalidateTags', { numberOfKeys: 0, lua: INVALIDATE_TAGS });
    this.scripts = this.client as unknown as Scripts;
  }

  private valueKey(key: string): string {
    return `${this.options.keyPrefix}v:${key}`;
  }

  async get<T>(key: string): Promise<T | undefined> {
    try {
      const json = await this.client.get(this.valueKey(key));
      return json === null ? undefined : (JSON.parse(json) as T);
    } catch (error) {
      this.failedOpen('get', error);
      return undefined;
    }
  }

  async set<T>(key: string, value: T, options: CacheSetOptions = {}): Promise<void> {
    const tags = [...new Set(options.tags ?? [])];
    await this.store(key, value, options, tags, await this.versionsOf(tags));
  }

  async delete(key: string): Promise<void> {
    this.flights.overtake([key], []);
    await this.client.del(this.valueKey(key));
  }

  async getOrLoad<T>(
    key: string,
    load: () => Promise<T>,
    options: CacheSetOptions = {},
  ): Promise<T> {
    const running = this.flights.join<T>(key);
    if (running) return running;
    const tags = [...new Set(options.tags ?? [])];
    let cached: T | undefined;
    let versions: string[] | null;
    try {
      // One round trip: the value, and the tag versions a load would have to match.
      const [value, current] = await Promise.all([
        this.client.get(this.valueKey(key)),
        tags.length ? this.client.mget(tags.map((t) => this.versionKey(t))) : [],
      ]);
      cached = value === null ? undefined : (JSON.parse(value) as T);
      versions = current.map((v) => v ?? '');
    } catch (error) {
      this.failedOpen('getOrLoad', error);
      versions = null;
    }
    if (cached !== undefined) return cached;
    return this.flights.start(key, tags, load, async (value) => {
      // Without the versions (Redis was unreachable) nothing can prove the load current.
      if (versions) await this.store(key, value, options, tags, versions);
    });
  }

  async invalidateTags(tags: readonly string[]): Promise<void> {
    const unique = [...new Set(tags)];
    this.flights.overtake([], unique);
    if (unique.length === 0) return;
    await this.scripts.dailiesInvalidateTags(this.options.keyPrefix, TAG_VERSION_TTL_MS, ...unique);
  }

  /** Drops every key under this cache's prefix (SCAN + UNLINK; for tests and recovery). */
  async clear(): Promise<void> {
    this.flights.overtakeAll();
    let cursor = '0';
    do {
      const [next, keys] = await this.client.scan(
        cursor,
        'MATCH',
        `${this.options.keyPrefix}*`,
        'COUNT',
        500,
      );
      cursor = next;
      if (keys.length) await this.client.unlink(...keys);
    } while (cursor !== '0');
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private versionKey(tag: string): string {
    return `${this.options.keyPrefix}tv:${tag}`;
  }

  private async versionsOf(tags: readonly string[]): Promise<string[]> {
    if (tags.length === 0) return [];
    return (await this.client.mget(tags.map((t) => this.versionKey(t)))).map((v) => v ?? '');
  }

  private async store<T>(
    key: string,
    value: T,
    options: CacheSetOptions,
    tags: readonly string[],
    versions: readonly string[],
  ): Promise<void> {
    const ttl = Math.max(1, Math.round(options.ttlMs ?? this.options.defaultTtlMs));
    try {
      await this.scripts.dailiesStoreIfCurrent(
        this.options.keyPrefix,
        key,
        toCacheJson(value),
        ttl,
        tags.length,
        ...tags,
        ...versions,
      );
    } catch (error) {
      if (error instanceof TypeError) throw error;
      this.failedOpen('store', error);
    }
  }

  private failedOpen(what: string, error: unknown): void {
    this.log.warn(`Cache ${what} failed, going without: ${String(error)}`);
  }
}
