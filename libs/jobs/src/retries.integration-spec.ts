import { z } from 'zod';
import { defineJob } from './define-job';
import { TestClock } from './pg-boss-engine';
import { EngineHarness, waitFor } from './testing/engine-harness';

describe('retries, dead letters and history', () => {
  let harness: EngineHarness;
  beforeEach(async () => {
    harness = await EngineHarness.create();
  });
  afterEach(async () => {
    await harness.close();
  });

  it('retries with backoff, dead-letters after the last try, and retries a dead letter on demand', async () => {
    const clock = new TestClock('2026-06-01T00:00:00Z');
    const tries: { at: number; attempt: number }[] = [];
    let healthy = false;
    const flaky = defineJob(
      'flaky-export',
      z.object({ file: z.string() }),
      async (_p, ctx) => {
        tries.push({ at: ctx.now().getTime(), attempt: ctx.attempt });
        if (!healthy) throw new Error(`storage unavailable (try ${ctx.attempt})`);
      },
      { retries: 2, backoff: { delaySeconds: 60, exponential: false } },
    );
    const finalFailures: { job: string; error: unknown }[] = [];
    const { jobs } = await harness.start({
      jobs: [flaky],
      clock,
      pollingIntervalSeconds: 5,
      onFinalFailure: (job, error) => finalFailures.push({ job, error }),
    });
    const id = await jobs.enqueue(flaky.name, { file: 'a.mov' });

    await clock.tick(5_000);
    await waitFor(() => tries.length === 1);
    await clock.tick(30_000); // within the backoff: no second try yet
    await new Promise((r) => setTimeout(r, 300));
    expect(tries).toHaveLength(1);
    await clock.tick(40_000);
    await waitFor(() => tries.length === 2);
    await clock.tick(75_000);
    await waitFor(() => tries.length === 3);
    expect(tries.map((t) => t.attempt)).toEqual([1, 2, 3]);
    // Only the last attempt's failure is uncaught (reported to alerting); the others are retried.
    await waitFor(() => finalFailures.length === 1);
    expect(finalFailures[0]!.job).toBe(flaky.name);
    expect((finalFailures[0]!.error as Error).message).toBe('storage unavailable (try 3)');
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(60_000);

    await waitFor(async () => (await jobs.deadLetters(flaky.name)).length === 1);
    const [dead] = await jobs.deadLetters(flaky.name);
    expect(dead).toMatchObject({
      job: flaky.name,
      originalJobId: id,
      attempts: 3,
      error: 'storage unavailable (try 3)',
      payload: { file: 'a.mov' },
    });
    const [failed] = await jobs.history(flaky.name);
    expect(failed).toMatchObject({ id, state: 'failed', attempts: 3 });
    expect(failed!.error).toBe('storage unavailable (try 3)');
    expect(await jobs.stats(flaky.name)).toMatchObject({ waiting: 0, active: 0, deadLetters: 1 });

    healthy = true;
    expect(await jobs.retryDeadLetters(flaky.name, [dead!.id])).toBe(1);
    await clock.tick(10_000);
    await waitFor(() => tries.length === 4);
    expect(await jobs.deadLetters(flaky.name)).toEqual([]);
    await waitFor(async () => (await jobs.history(flaky.name))[0]?.state === 'completed');
    const [rerun] = await jobs.history(flaky.name);
    expect(rerun).toMatchObject({ state: 'completed', attempts: 1, error: null });
    expect(rerun!.startedAt).toBeInstanceOf(Date);
    expect(rerun!.endedAt!.getTime()).toBeGreaterThanOrEqual(rerun!.startedAt!.getTime());
    expect(rerun!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('reports queue depth and the age of the oldest waiting job', async () => {
    const clock = new TestClock('2026-06-01T00:00:00Z');
    const idle = defineJob('idle', z.object({ n: z.number() }), async () => undefined);
    const { engine, jobs } = await harness.start({
      jobs: [idle],
      clock,
      pollingIntervalSeconds: 5,
    });
    await engine.boss.offWork(idle.name); // nobody works this queue: jobs stay waiting
    await jobs.enqueue(idle.name, { n: 1 });
    await clock.setTime('2026-06-01T00:02:00Z');
    await jobs.enqueue(idle.name, { n: 2 });
    await jobs.enqueue(idle.name, { n: 3 }, { runAt: new Date('2026-06-02T00:00:00Z') });
    expect(await jobs.stats(idle.name)).toEqual({
      job: idle.name,
      waiting: 2,
      deferred: 1,
      active: 0,
      deadLetters: 0,
      oldestWaitingSeconds: 120,
    });
  });
});
