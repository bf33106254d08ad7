import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { Jobs, pruneDeliveredEventsJob, TestClock } from '@dailies/jobs';
import { RunningCron, startCron } from './start-cron';

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('waitFor: condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the cron app', () => {
  let url: string;
  const running: RunningCron[] = [];
  beforeAll(async () => {
    url = await createTestDatabase();
  });
  afterAll(async () => {
    for (const cron of running) await cron.close();
    await dropTestDatabase(url);
  });

  it('boots without a web server, answers its probe, and two instances run a nightly job once', async () => {
    const clock = new TestClock('2026-10-01T03:08:00Z');
    const env = {
      DATABASE_URL: url,
      CRON_HEALTH_PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
    };
    running.push(await startCron({ env, clock }), await startCron({ env, clock }));
    const [a, b] = running;

    for (const cron of [a!, b!]) {
      const live = await fetch(`http://127.0.0.1:${cron.healthPort}/health/ready`);
      expect(live.status).toBe(200);
      expect(await live.json()).toMatchObject({ status: 'ok' });
    }
    expect((await fetch(`http://127.0.0.1:${a!.healthPort}/`)).status).toBe(404);

    // prune-delivered-events is scheduled at 03:10 UTC.
    await clock.tick(4 * 60_000);
    const jobs = a!.app.get(Jobs);
    const history = () => jobs.history(pruneDeliveredEventsJob.name);
    await waitFor(async () => (await history()).some((r) => r.state === 'completed'));
    await clock.tick(4 * 60_000);
    await new Promise((r) => setTimeout(r, 500));
    const runs = await history();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ state: 'completed', attempts: 1, error: null });
  });

  it('stops cleanly: the probe port closes', async () => {
    const cron = await startCron({
      env: { DATABASE_URL: url, CRON_HEALTH_PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    });
    const port = cron.healthPort;
    await cron.close();
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
  });
});
