import crypto from 'node:crypto';
import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { ApiV2Module } from '@dailies/api-v2';
import { CACHE, InProcessCache, InvalidationBroadcast } from '@dailies/cache';
import { DatabaseListener, SqlPool } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { accessEntry, eventually, projectWithReviewer } from './testing/cache-fixtures';
import { SignedUpUser, signUp } from './testing/fixtures';

describe('cache invalidation from events (in-process cache)', () => {
  let platform: TestPlatform;
  let anon: TestClient;
  let cache: InProcessCache;
  let owner: SignedUpUser;
  let reviewer: SignedUpUser;

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module]);
    anon = new TestClient(platform.baseUrl);
    cache = platform.app.get<InProcessCache>(CACHE, { strict: false });
    owner = await signUp(anon, 'Owner');
    reviewer = await signUp(anon, 'Reviewer');
  });
  afterAll(async () => {
    await platform.close();
  });

  it('uses the in-process cache when CACHE_URL is unset', () => {
    expect(cache).toBeInstanceOf(InProcessCache);
  });

  it('drops a revoked permission on the committing instance before the command returns', async () => {
    const projectId = await projectWithReviewer(owner, reviewer);
    const entry = accessEntry(projectId, reviewer.userId);
    cache.setNow(entry.key, { access: 'reviewer' }, { tags: entry.tags });
    // Looks at the cache right after commit, synchronously, before the command returns and
    // before the event runtime (which starts on a later turn of the event loop) runs anything.
    const seenAtCommit: unknown[] = [];
    const probe = platform.app.get(UnitOfWork, { strict: false }).committed$.subscribe((events) => {
      if (events.some((e) => e.eventName === 'project.collaborator_removed')) {
        seenAtCommit.push(cache.getNow(entry.key) ?? 'dropped');
      }
    });
    try {
      const removed = await owner.client.delete(
        `/v2/projects/${projectId}/collaborators/${reviewer.userId}`,
      );
      expect(removed.status).toBe(204);
    } finally {
      probe.unsubscribe();
    }
    expect(seenAtCommit).toEqual(['dropped']);
    expect(cache.getNow(entry.key)).toBeUndefined();
  });

  it('keeps entries that the change does not touch', async () => {
    const projectId = await projectWithReviewer(owner, reviewer);
    const other = accessEntry(crypto.randomUUID(), reviewer.userId);
    cache.setNow(other.key, { access: 'viewer' }, { tags: [other.tags[0]] });
    const res = await owner.client.patch(`/v2/projects/${projectId}`, { name: 'Renamed' });
    expect(res.status).toBe(200);
    expect(cache.getNow(other.key)).toEqual({ access: 'viewer' });
  });

  it('tells the other instances through the cache consumer', async () => {
    const projectId = await projectWithReviewer(owner, reviewer);
    // Another instance: its own in-process cache, listening like the platform's.
    const elsewhere = new InProcessCache({ maxEntries: 100, defaultTtlMs: 60_000 });
    const sql = new SqlPool(platform.databaseUrl);
    const listener = new DatabaseListener(platform.databaseUrl);
    const broadcast = new InvalidationBroadcast(elsewhere, sql, listener);
    await broadcast.onApplicationBootstrap();
    try {
      expect(broadcast.listening).toBe(true);
      const entry = accessEntry(projectId, reviewer.userId);
      elsewhere.setNow(entry.key, { access: 'reviewer' }, { tags: entry.tags });
      const unrelated = accessEntry(crypto.randomUUID(), owner.userId);
      elsewhere.setNow(unrelated.key, { access: 'manager' }, { tags: [unrelated.tags[0]] });
      const res = await owner.client.patch(`/v2/projects/${projectId}`, { private: true });
      expect(res.status).toBe(200);
      expect(await eventually(() => elsewhere.getNow(entry.key) === undefined)).toBe(true);
      expect(elsewhere.getNow(unrelated.key)).toEqual({ access: 'manager' });
    } finally {
      await broadcast.onModuleDestroy();
      await listener.stop();
      await sql.onModuleDestroy();
    }
  });
});
