import { InProcessCache } from './in-process-cache';
import { describeCacheContract } from './testing/cache-contract';

describe('InProcessCache', () => {
  describeCacheContract(
    async (defaultTtlMs) => new InProcessCache({ maxEntries: 1000, defaultTtlMs }),
  );

  it('invalidates synchronously, before the caller goes on', () => {
    const cache = new InProcessCache({ maxEntries: 10, defaultTtlMs: 60_000 });
    cache.setNow('k', 'v', { tags: ['asset:1'] });
    cache.invalidateTagsNow(['asset:1']);
    expect(cache.getNow('k')).toBeUndefined();
  });

  it('keeps at most maxEntries, evicting the least recently used, and forgets their tags', () => {
    const cache = new InProcessCache({ maxEntries: 3, defaultTtlMs: 60_000 });
    cache.setNow('a', 1, { tags: ['t'] });
    cache.setNow('b', 2, { tags: ['t'] });
    cache.setNow('c', 3);
    cache.getNow('a');
    cache.setNow('d', 4, { tags: ['t'] });
    expect(cache.size).toBe(3);
    expect(cache.getNow('b')).toBeUndefined();
    expect(cache.getNow('a')).toBe(1);
    // b was evicted; a later b (untagged, evicting c) must not be dropped by the old tag.
    cache.setNow('b', 22);
    expect(cache.getNow('c')).toBeUndefined();
    cache.invalidateTagsNow(['t']);
    expect(cache.getNow('b')).toBe(22);
    expect(cache.getNow('a')).toBeUndefined();
    expect(cache.getNow('d')).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('refuses values JSON cannot carry', async () => {
    const cache = new InProcessCache({ maxEntries: 10, defaultTtlMs: 60_000 });
    await expect(cache.set('f', undefined)).rejects.toThrow(TypeError);
  });
});
