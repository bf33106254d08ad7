import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import {
  deliveryRows,
  startInstance,
  TestConsumer,
  TestInstance,
  touchMany,
  waitFor,
} from './testing/runtime-test-kit';

describe('a consumer that hangs', () => {
  let url: string;
  let instance: TestInstance | undefined;

  beforeAll(async () => {
    url = await createTestDatabase();
  });
  afterAll(async () => {
    await instance?.close();
    await dropTestDatabase(url);
  });

  it('times out, is retried, and delays neither the commits nor the other consumers', async () => {
    const timeoutMs = 2_000;
    const timedOutAt: number[] = [];
    const sloth = new TestConsumer(
      {
        name: 'sloth',
        events: '*',
        concurrency: 10,
        timeoutMs,
        retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 50 },
      },
      async (_event, ctx) => {
        // The first attempt hangs for good; it only notes that it was told to give up.
        if (ctx.attempt === 1) {
          await new Promise<void>(() => {
            ctx.signal.addEventListener('abort', () => timedOutAt.push(Date.now()));
          });
        }
      },
    );
    const quick = new TestConsumer({ name: 'quick', events: '*', concurrency: 2 });
    instance = await startInstance(url, [sloth, quick]);

    const ids = await touchMany(instance.uow, 10, 2);
    const committedAt = Date.now();
    await waitFor('the quick consumer has every event', () => quick.handled.length === 10);
    const quickDoneAt = Date.now();
    await waitFor(
      'the hanging consumer got every event on its second attempt',
      () => sloth.handled.length === 10,
    );

    // Nothing waited for the hanging handlers: the first of them timed out only afterwards.
    expect(timedOutAt).toHaveLength(10);
    expect(committedAt).toBeLessThan(Math.min(...timedOutAt));
    expect(quickDoneAt).toBeLessThan(Math.min(...timedOutAt));
    expect(sloth.handled.map((h) => h.eventId).sort()).toEqual([...ids].sort());
    expect(sloth.handled.every((h) => h.attempt === 2)).toBe(true);
    expect(quick.handled.every((h) => h.attempt === 1)).toBe(true);

    await waitFor('no deliveries left', async () => (await deliveryRows(url)).length === 0);
    const stats = Object.fromEntries((await instance.stats.snapshot()).map((s) => [s.consumer, s]));
    expect(stats.sloth).toMatchObject({
      delivered: 10,
      failed: 10,
      timedOut: 10,
      retried: 10,
      deadLettered: 0,
    });
    expect(stats.sloth.handlingMs.max).toBeGreaterThanOrEqual(timeoutMs - 5);
    expect(stats.quick).toMatchObject({ delivered: 10, failed: 0, timedOut: 0 });
  });
});
