import { Cache, cacheTags, InProcessCache } from '@dailies/cache';
import { LiveSessionCache } from './live-session-cache';

describe('LiveSessionCache', () => {
  const newCache = () => new InProcessCache({ maxEntries: 100, defaultTtlMs: 60_000 });

  it('checks a live session once, until the user’s sessions tag is dropped', async () => {
    const cache = newCache();
    const sessions = new LiveSessionCache(cache);
    const load = jest.fn(async () => true);
    await sessions.requireLive('u1', 's1', load);
    await sessions.requireLive('u1', 's1', load);
    expect(load).toHaveBeenCalledTimes(1);
    cache.invalidateTagsNow([cacheTags.sessionsOfUser('u1')]);
    load.mockResolvedValueOnce(false);
    await expect(sessions.requireLive('u1', 's1', load)).rejects.toMatchObject({
      message: expect.stringContaining('Session has ended'),
    });
  });

  it('never keeps a refusal: a session that becomes live again is seen at once', async () => {
    const sessions = new LiveSessionCache(newCache());
    const load = jest.fn(async () => false);
    await expect(sessions.requireLive('u2', 's2', load)).rejects.toBeDefined();
    load.mockResolvedValue(true);
    await expect(sessions.requireLive('u2', 's2', load)).resolves.toBeUndefined();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not store a check that a logout overtook while it was loading', async () => {
    const cache = newCache();
    const sessions = new LiveSessionCache(cache);
    let finish: (live: boolean) => void = () => undefined;
    const slow = new Promise<boolean>((resolve) => (finish = resolve));
    const first = sessions.requireLive('u3', 's3', () => slow);
    cache.invalidateTagsNow([cacheTags.sessionsOfUser('u3')]); // the logout commits meanwhile
    finish(true); // the read had started before the logout
    await first;
    const load = jest.fn(async () => false);
    await expect(sessions.requireLive('u3', 's3', load)).rejects.toBeDefined();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reads every time with a shared (Redis) cache, which is invalidated asynchronously', async () => {
    const shared = { scope: 'shared', getOrLoad: jest.fn() } as unknown as Cache;
    const sessions = new LiveSessionCache(shared);
    const load = jest.fn(async () => true);
    await sessions.requireLive('u4', 's4', load);
    await sessions.requireLive('u4', 's4', load);
    expect(load).toHaveBeenCalledTimes(2);
    expect(shared.getOrLoad).not.toHaveBeenCalled();
  });
});
