import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import {
  countBy,
  deliveryRows,
  startInstance,
  TestConsumer,
  TestInstance,
  touchMany,
  waitFor,
  WidgetTouched,
} from './testing/runtime-test-kit';

describe('a consumer that always fails', () => {
  let url: string;
  let instance: TestInstance | undefined;

  beforeAll(async () => {
    url = await createTestDatabase();
  });
  afterEach(async () => {
    await instance?.close();
    instance = undefined;
  });
  afterAll(async () => {
    await dropTestDatabase(url);
  });

  it('is dead-lettered after its last attempt without holding up the others; a redrive delivers once', async () => {
    const first = new TestConsumer({ name: 'good-one', events: '*', concurrency: 4 });
    const second = new TestConsumer({ name: 'good-two', events: [WidgetTouched] });
    let broken = true;
    const flaky = new TestConsumer(
      {
        name: 'flaky',
        events: '*',
        retry: { maxAttempts: 3, initialDelayMs: 50, maxDelayMs: 200, jitter: 0.5 },
      },
      async () => {
        if (broken) throw new Error('downstream is down');
      },
    );
    instance = await startInstance(url, [first, second, flaky]);
    const running = instance;

    // Sample the healthy consumers' lag while the broken one fails.
    const lags: number[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        for (const s of await running.stats.snapshot())
          if (s.consumer !== 'flaky') lags.push(s.lagMs);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    const ids = await touchMany(running.uow, 60);
    await waitFor(
      'healthy consumers have every event',
      () => first.handled.length >= 60 && second.handled.length >= 60,
    );
    await waitFor('every delivery to the broken consumer is dead', async () => {
      const rows = await deliveryRows(url, 'flaky');
      return rows.length === 60 && rows.every((r) => r.state === 'dead');
    });
    sampling = false;
    await sampler;

    for (const consumer of [first, second]) {
      expect([...countBy(consumer.handled, (h) => h.eventId).entries()].sort()).toEqual(
        ids.map((id) => [id, 1]).sort(),
      );
    }
    expect(lags.length).toBeGreaterThan(0);
    expect(Math.max(...lags)).toBeLessThan(5_000);
    expect(flaky.calls).toBe(180);
    expect(flaky.handled).toEqual([]);

    const stats = Object.fromEntries((await running.stats.snapshot()).map((s) => [s.consumer, s]));
    expect(stats.flaky).toMatchObject({
      delivered: 0,
      failed: 180,
      retried: 120,
      deadLettered: 60,
      pending: 0,
      deadLetters: 60,
      lagMs: 0,
    });
    expect(stats['good-one']).toMatchObject({ delivered: 60, failed: 0, pending: 0, lagMs: 0 });
    expect(stats['good-one'].handlingMs.count).toBe(60);
    // Dead letters wait for a person, they are not lag.
    expect(await running.stats.readinessCheck()).toEqual({ status: 'ok' });

    // Dead letters, page by page.
    const listed: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await running.deadLetters.listDeadLetters('flaky', { limit: 25, cursor });
      pages++;
      for (const letter of page.data) {
        expect(letter).toMatchObject({
          consumer: 'flaky',
          eventName: 'widget.touched',
          attempts: 3,
        });
        expect(letter.lastError).toContain('downstream is down');
        expect(letter.failedAt).toBeInstanceOf(Date);
        listed.push(letter.eventId);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toBe(3);
    expect(listed.sort()).toEqual([...ids].sort());
    expect(
      (await running.deadLetters.listDeadLetters(undefined, { limit: 500 })).data,
    ).toHaveLength(60);
    expect((await running.deadLetters.listDeadLetters('good-one')).data).toEqual([]);

    // The fault is fixed: redrive some, then all; each event has its effect exactly once.
    broken = false;
    expect(await running.deadLetters.redrive('flaky', ids.slice(0, 5))).toBe(5);
    await waitFor('5 redriven deliveries handled', () => flaky.handled.length >= 5);
    expect(await running.deadLetters.redrive('flaky', 'all')).toBe(55);
    await waitFor('all redriven deliveries handled', () => flaky.handled.length >= 60);
    await waitFor('no deliveries left', async () => (await deliveryRows(url)).length === 0);
    expect(await running.deadLetters.redrive('flaky', 'all')).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect([...countBy(flaky.handled, (h) => h.eventId).values()]).toEqual(ids.map(() => 1));
    expect(flaky.handled.every((h) => h.attempt === 1)).toBe(true);
    expect(first.handled).toHaveLength(60);
  });

  it('reports degraded readiness while a consumer lags, and ok once it catches up', async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const stalled = new TestConsumer(
      { name: 'stalled', events: '*', timeoutMs: 60_000 },
      () => released,
    );
    instance = await startInstance(url, [stalled], { maxLagMs: 200 });
    const running = instance;
    expect(await running.stats.readinessCheck()).toEqual({ status: 'ok' });

    await touchMany(running.uow, 3);
    await waitFor('readiness degraded', async () => {
      const check = await running.stats.readinessCheck();
      return (
        check.status === 'degraded' &&
        /stalled is \d+ s behind \(3 pending\)/.test(check.detail ?? '')
      );
    });
    const [stats] = await running.stats.snapshot();
    expect(stats).toMatchObject({ consumer: 'stalled', inFlight: 3, pending: 3 });
    release();
    await waitFor(
      'readiness ok',
      async () => (await running.stats.readinessCheck()).status === 'ok',
    );
  });

  it('tells the dead-letter reporter (alerting) once per event given up on, with the error', async () => {
    const reported: { consumer: string; eventId: string; error: unknown }[] = [];
    const broken = new TestConsumer(
      {
        name: 'broken',
        events: '*',
        retry: { maxAttempts: 2, initialDelayMs: 20, maxDelayMs: 50, jitter: 0 },
      },
      async () => {
        throw new Error('downstream is down');
      },
    );
    instance = await startInstance(url, [broken], {}, 3, (consumer, eventId, error) =>
      reported.push({ consumer, eventId, error }),
    );
    const ids = await touchMany(instance.uow, 3);
    await waitFor('three dead letters reported', () => reported.length >= 3);
    expect(reported.map((r) => r.eventId).sort()).toEqual([...ids].sort());
    expect(reported.every((r) => r.consumer === 'broken')).toBe(true);
    expect(String((reported[0].error as Error).message)).toBe('downstream is down');
    expect(broken.calls).toBe(6); // two attempts each, the reporter only after the last
  });
});
