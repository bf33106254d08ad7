import crypto from 'node:crypto';
import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { ApiV2Module } from '@dailies/api-v2';
import { Cache, CACHE, RedisCache } from '@dailies/cache';
import { accessEntry, eventually, projectWithReviewer } from './testing/cache-fixtures';
import { signUp } from './testing/fixtures';

// Runs in the `redis` jest project, only when CACHE_REDIS_TEST_URL names a Redis server (.ci/run
// sets it; the README's plain `npm test` needs no Redis).
const REDIS_URL = process.env.CACHE_REDIS_TEST_URL ?? '';

describe('cache invalidation from events (Redis, CACHE_URL set)', () => {
  let platform: TestPlatform;
  let anon: TestClient;
  let cache: Cache;
  const prefix = `dailies-test:${crypto.randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module], {
      CACHE_URL: REDIS_URL,
      CACHE_KEY_PREFIX: prefix,
    });
    anon = new TestClient(platform.baseUrl);
    cache = platform.app.get<Cache>(CACHE, { strict: false });
  });
  afterAll(async () => {
    await cache.clear();
    await platform.close();
  });

  it('invalidates the shared cache when a collaborator is removed', async () => {
    expect(cache).toBeInstanceOf(RedisCache);
    const owner = await signUp(anon, 'Owner');
    const reviewer = await signUp(anon, 'Reviewer');
    const projectId = await projectWithReviewer(owner, reviewer);
    const entry = accessEntry(projectId, reviewer.userId);
    await cache.set(entry.key, { access: 'reviewer' }, { tags: entry.tags });
    expect(await cache.get(entry.key)).toEqual({ access: 'reviewer' });
    const removed = await owner.client.delete(
      `/v2/projects/${projectId}/collaborators/${reviewer.userId}`,
    );
    expect(removed.status).toBe(204);
    expect(await eventually(async () => (await cache.get(entry.key)) === undefined)).toBe(true);
  });
});
