import { z } from 'zod';
import { defineJob } from './define-job';
import { TestClock } from './pg-boss-engine';
import { schedule } from './schedule';
import { EngineHarness, waitFor } from './testing/engine-harness';

const MINUTE = 60_000;

/** A job that records the test-clock time of each run. */
function recordingJob(name: string) {
  const runs: Date[] = [];
  const job = defineJob(name, z.object({}), async (_p, ctx) => {
    runs.push(ctx.now());
  });
  return { job, runs };
}

describe('schedules', () => {
  let harness: EngineHarness;
  beforeEach(async () => {
    harness = await EngineHarness.create();
  });
  afterEach(async () => {
    await harness.close();
  });

  it('fire once across two instances, at the time of their named zone', async () => {
    // 10:00 in Paris is 09:00 UTC in March (CET, UTC+1).
    const clock = new TestClock('2026-03-10T08:58:00Z');
    const { job, runs } = recordingJob('paris-digest');
    const schedules = [schedule(job.name, '0 10 * * *', { tz: 'Europe/Paris' })];
    await harness.start({ jobs: [job], schedules, clock });
    await harness.start({ jobs: [job], schedules, clock });

    await clock.tick(MINUTE + 50_000); // 08:59:50 UTC: not yet
    expect(runs).toHaveLength(0);
    await clock.tick(2 * MINUTE); // 09:01:50 UTC
    await waitFor(() => runs.length > 0);
    await clock.tick(3 * MINUTE); // more passes of both instances
    await new Promise((r) => setTimeout(r, 500));
    expect(runs).toHaveLength(1);
    expect(runs[0]!.getTime()).toBeGreaterThanOrEqual(Date.parse('2026-03-10T09:00:00Z'));
    expect(runs[0]!.getTime()).toBeLessThan(Date.parse('2026-03-10T09:02:00Z'));
  });

  it('catch up missed runs by their policy: once runs the latest, skip drops them', async () => {
    const clock = new TestClock('2026-05-01T02:58:00Z');
    const nightly = recordingJob('nightly-once');
    const hourly = recordingJob('hourly-skip');
    const jobs = [nightly.job, hourly.job];
    const schedules = [
      schedule(nightly.job.name, '0 3 * * *', { catchUp: 'once' }),
      schedule(hourly.job.name, '30 * * * *', { catchUp: 'skip' }),
    ];
    const first = await harness.start({ jobs, schedules, clock });
    await clock.tick(3 * MINUTE); // 03:01: the nightly run of May 1st
    await waitFor(() => nightly.runs.length === 1);
    await harness.stop(first.engine);

    // Every instance is down for three days; the clock moves on without them.
    await clock.setTime('2026-05-04T12:10:00Z');
    await harness.start({ jobs, schedules, clock });
    await clock.tick(2 * MINUTE);
    await waitFor(() => nightly.runs.length === 2);
    await clock.tick(2 * MINUTE);
    await new Promise((r) => setTimeout(r, 500));
    expect(nightly.runs).toHaveLength(2); // three missed nights → one run
    expect(hourly.runs).toHaveLength(0); // 76 missed half-hours → none

    await clock.tick(20 * MINUTE); // 12:34: the next half-hour is on time again
    await waitFor(() => hourly.runs.length === 1);
  });
});
