import { randomUUID } from 'node:crypto';
import { LiveMessage } from './live-message';
import { RedisLiveTransport } from './redis-live-transport';

// Runs only when CACHE_REDIS_TEST_URL names a Redis (see jest.config.cjs).
const url = process.env.CACHE_REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

describe('RedisLiveTransport (GRAPHQL_PUBSUB_URL)', () => {
  it('carries messages published by one instance to every instance', async () => {
    const channel = `graphql_live_test_${randomUUID()}`;
    const a = new RedisLiveTransport(url, channel);
    const b = new RedisLiveTransport(url, channel);
    const onA: LiveMessage[] = [];
    const onB: LiveMessage[] = [];
    await a.start((m) => onA.push(...m));
    await b.start((m) => onB.push(...m));
    try {
      const message: LiveMessage = {
        id: randomUUID(),
        name: 'comment.created',
        projectId: randomUUID(),
        assetId: randomUUID(),
        commentId: randomUUID(),
      };
      await a.publish([message]);
      const deadline = Date.now() + 5000;
      while ((onA.length === 0 || onB.length === 0) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(onB).toEqual([message]);
      expect(onA).toEqual([message]);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
