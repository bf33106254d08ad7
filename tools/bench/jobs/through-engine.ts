import { z } from 'zod';
import { defineJob, JobsEngine } from '@dailies/jobs';

/**
 * The same work through libs/jobs: N no-op jobs inserted up front, then one engine instance with
 * W concurrent handlers (one job per fetch, like the bare loop) until all are completed.
 */
export async function throughEngine(url: string, count: number, workers: number): Promise<number> {
  let done = 0;
  let finished: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (finished = resolve));
  const noop = defineJob('bench-noop', z.object({ n: z.number() }), async () => {
    if (++done === count) finished();
  });
  const base = { url, definitions: [noop], schedules: [], resolve: () => undefined as never };
  const producer = new JobsEngine({ ...base, work: false, runSchedules: false });
  await producer.start();
  for (let i = 0; i < count; i += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, count - i) }, (_, k) => ({
      data: { n: i + k },
    }));
    await producer.boss.insert(noop.name, batch);
  }
  await producer.stop();

  const started = performance.now();
  const worker = new JobsEngine({
    ...base,
    runSchedules: false,
    concurrency: workers,
    pollingIntervalSeconds: 0.5,
  });
  await worker.start();
  await allDone;
  const perSecond = count / ((performance.now() - started) / 1000);
  await worker.stop();
  return perSecond;
}
