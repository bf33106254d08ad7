import crypto from 'node:crypto';
import Redis from 'ioredis';
import { RedisCache } from './redis-cache';
import { deferred, describeCacheContract } from './testing/cache-contract';

// Runs in the `redis` jest project, only when CACHE_REDIS_TEST_URL names a Redis server (.ci/run
// sets it; the README's plain `npm test` needs no Redis). Every run and every cache here gets a
// key prefix of its own, removed at the end.
const REDIS_URL = process.env.CACHE_REDIS_TEST_URL ?? '';
const runPrefix = `dailies-test:${crypto.randomBytes(4).toString('hex')}:`;

describe('RedisCache', () => {
  const caches: RedisCache[] = [];
  let n = 0;
  const make = async (defaultTtlMs: number, keyPrefix = `${runPrefix}${++n}:`) => {
    const cache = new RedisCache({ url: REDIS_URL, keyPrefix, defaultTtlMs });
    caches.push(cache);
    return cache;
  };

  afterAll(async () => {
    const admin = new Redis(REDIS_URL);
    const keys = await admin.keys(`${runPrefix}*`);
    if (keys.length) await admin.del(...keys);
    await admin.quit();
    await Promise.all(caches.map((c) => c.onModuleDestroy()));
  });

  describeCacheContract((ttl) => make(ttl));

  it('keeps values as JSON strings and tags as Redis sets, and removes them on invalidation', async () => {
    const prefix = `${runPrefix}layout:`;
    const cache = await make(60_000, prefix);
    await cache.set('asset:1', { name: 'Shot' }, { tags: ['asset:1', 'project:9'] });
    expect(await cache.client.get(`${prefix}v:asset:1`)).toBe('{"name":"Shot"}');
    expect(await cache.client.smembers(`${prefix}t:project:9`)).toEqual(['asset:1']);
    expect(await cache.client.pttl(`${prefix}v:asset:1`)).toBeGreaterThan(59_000);
    await cache.invalidateTags(['project:9']);
    expect(await cache.client.exists(`${prefix}v:asset:1`, `${prefix}t:project:9`)).toBe(0);
    expect(await cache.client.get(`${prefix}tv:project:9`)).toBe('1');
  });

  it('shares entries and invalidations between instances', async () => {
    const prefix = `${runPrefix}shared:`;
    const one = await make(60_000, prefix);
    const two = await make(60_000, prefix);
    await one.set('k', 'v', { tags: ['access:p'] });
    expect(await two.get('k')).toBe('v');
    await two.invalidateTags(['access:p']);
    expect(await one.get('k')).toBeUndefined();
  });

  it('does not store a load that raced with an invalidation on another instance', async () => {
    const prefix = `${runPrefix}race:`;
    const loader = await make(60_000, prefix);
    const other = await make(60_000, prefix);
    const slow = deferred<string>();
    const loading = loader.getOrLoad('access:p:u', () => slow.promise, { tags: ['access:p'] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await other.invalidateTags(['access:p']);
    slow.resolve('granted');
    expect(await loading).toBe('granted');
    expect(await other.get('access:p:u')).toBeUndefined();
    // A load that starts after the invalidation is stored as usual.
    expect(
      await loader.getOrLoad('access:p:u', async () => 'revoked', { tags: ['access:p'] }),
    ).toBe('revoked');
    expect(await other.get('access:p:u')).toBe('revoked');
  });

  it('goes without the cache when Redis is unreachable, and fails invalidations loudly', async () => {
    const down = new RedisCache({
      url: 'redis://127.0.0.1:1',
      keyPrefix: `${runPrefix}down:`,
      defaultTtlMs: 1000,
    });
    down.client.options.retryStrategy = () => null;
    try {
      expect(await down.getOrLoad('k', async () => 'loaded')).toBe('loaded');
      expect(await down.get('k')).toBeUndefined();
      await expect(down.invalidateTags(['x'])).rejects.toThrow();
    } finally {
      down.client.disconnect();
    }
  });
});
