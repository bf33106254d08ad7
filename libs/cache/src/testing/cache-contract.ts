import { Cache } from '../cache';

/** A promise to settle by hand: a load that is still running when we act. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What every Cache implementation does, run against each of them. `make` gives a fresh, empty
 * cache with the given default TTL.
 */
export function describeCacheContract(make: (defaultTtlMs: number) => Promise<Cache>) {
  let cache: Cache;
  beforeEach(async () => {
    cache = await make(60_000);
  });

  it('stores JSON-safe copies: dates as ISO strings, BigInt as numbers, nothing shared', async () => {
    const value = { name: 'Shot', at: new Date('2026-01-02T03:04:05.000Z'), size: 5n, tags: ['a'] };
    await cache.set('k', value);
    const first = await cache.get<{ name: string; at: string; size: number; tags: string[] }>('k');
    expect(first).toEqual({ name: 'Shot', at: '2026-01-02T03:04:05.000Z', size: 5, tags: ['a'] });
    first!.tags.push('mutated');
    expect((await cache.get<{ tags: string[] }>('k'))!.tags).toEqual(['a']);
    expect(await cache.get('missing')).toBeUndefined();
    await cache.set('null', null);
    expect(await cache.get('null')).toBeNull();
  });

  it('expires entries after their TTL, and after the default TTL', async () => {
    await cache.set('short', 1, { ttlMs: 40 });
    await cache.set('long', 2);
    expect(await cache.get('short')).toBe(1);
    await sleep(90);
    expect(await cache.get('short')).toBeUndefined();
    expect(await cache.get('long')).toBe(2);
    const quick = await make(40);
    await quick.set('k', 'v');
    expect(await quick.get('k')).toBe('v');
    await sleep(90);
    expect(await quick.get('k')).toBeUndefined();
  });

  it('drops exactly the entries carrying an invalidated tag', async () => {
    await cache.set('a', 'a', { tags: ['x'] });
    await cache.set('b', 'b', { tags: ['x', 'y'] });
    await cache.set('c', 'c', { tags: ['y'] });
    await cache.set('d', 'd');
    await cache.invalidateTags(['x', 'unknown']);
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('c')).toBe('c');
    expect(await cache.get('d')).toBe('d');
    await cache.invalidateTags(['y']);
    expect(await cache.get('c')).toBeUndefined();
    // A key stored again after an invalidation carries only its new tags.
    await cache.set('a', 'a2', { tags: ['z'] });
    await cache.invalidateTags(['x']);
    expect(await cache.get('a')).toBe('a2');
    await cache.delete('a');
    expect(await cache.get('a')).toBeUndefined();
  });

  it('loads a burst of misses once, then serves the stored value', async () => {
    let loads = 0;
    const gate = deferred<string>();
    const load = () => {
      loads += 1;
      return gate.promise;
    };
    const burst = Array.from({ length: 25 }, () => cache.getOrLoad('hot', load, { tags: ['t'] }));
    await sleep(10);
    gate.resolve('value');
    expect(await Promise.all(burst)).toEqual(Array(25).fill('value'));
    expect(loads).toBe(1);
    expect(await cache.getOrLoad('hot', async () => 'other')).toBe('value');
    await cache.invalidateTags(['t']);
    expect(await cache.getOrLoad('hot', async () => 'fresh')).toBe('fresh');
  });

  it('shares a failed load with its waiters, stores nothing, and tries again next time', async () => {
    const gate = deferred<string>();
    const waiters = [1, 2, 3].map(() => cache.getOrLoad('k', () => gate.promise));
    gate.reject(new Error('database down'));
    for (const w of waiters) await expect(w).rejects.toThrow('database down');
    expect(await cache.get('k')).toBeUndefined();
    expect(await cache.getOrLoad('k', async () => 'ok')).toBe('ok');
  });

  it('does not store a load overtaken by an invalidation, and does not let later callers join it', async () => {
    const old = deferred<string>();
    const early = cache.getOrLoad('k', () => old.promise, { tags: ['access:p1'] });
    await sleep(10);
    await cache.invalidateTags(['access:p1']);
    let freshLoads = 0;
    const late = cache.getOrLoad(
      'k',
      async () => {
        freshLoads += 1;
        return 'after';
      },
      { tags: ['access:p1'] },
    );
    old.resolve('before');
    expect(await early).toBe('before');
    expect(await late).toBe('after');
    expect(freshLoads).toBe(1);
    expect(await cache.get('k')).toBe('after');
  });

  it('clears everything', async () => {
    await cache.set('a', 1, { tags: ['x'] });
    await cache.set('b', 2);
    await cache.clear();
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toBeUndefined();
  });
}
