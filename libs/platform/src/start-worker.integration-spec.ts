import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { DEMO_LOGIN, seedDemo } from './demo-seed';
import { RunningWorker, startWorker } from './start-worker';

async function rows<T extends Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[],
) {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return (await db.query<T>(sql, params)).rows;
  } finally {
    await db.end();
  }
}

async function eventually<T>(probe: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('not within the deadline');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('startWorker: the platform without a web server', () => {
  let databaseUrl: string;
  let worker: RunningWorker;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    worker = await startWorker({
      env: {
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        // The migration runner runs (and finds the copied template up to date).
        MIGRATE_ON_START: 'true',
        DB_POOL_SIZE: '3',
        EVENTS_SWEEP_INTERVAL_MS: '200',
        EVENTS_SHUTDOWN_GRACE_MS: '2000',
      },
    });
  });

  afterAll(async () => {
    await worker?.close();
    await dropTestDatabase(databaseUrl);
  });

  it('reports readiness on its health port and serves nothing else', async () => {
    expect(worker.healthUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/health$/);
    const live = await fetch(`${worker.healthUrl}/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${worker.healthUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'ok' }, events: { status: 'ok' } },
    });
    expect((await fetch(`${worker.healthUrl}/../v2/me`)).status).toBe(404);
  });

  it('runs commands and delivers their events to the consumers', async () => {
    expect(await seedDemo(worker.app)).toBe(true);
    const [user] = await rows<{ id: string }>(
      databaseUrl,
      'SELECT id FROM users WHERE email = $1',
      [DEMO_LOGIN.email],
    );
    expect(user).toBeDefined();
    // The audit consumer recorded the sign-up, delivered by this worker's event runtime.
    const audited = await eventually(async () => {
      const found = await rows<{ action: string }>(
        databaseUrl,
        'SELECT action FROM audit_log WHERE actor_id = $1',
        [user.id],
      );
      return found.length ? found : undefined;
    });
    expect(audited.map((a) => a.action)).toContain('user.signed_up');
    const pending = await eventually(async () => {
      const [row] = await rows<{ n: string }>(
        databaseUrl,
        'SELECT count(*) AS n FROM event_deliveries',
        [],
      );
      return row.n === '0' ? row.n : undefined;
    });
    expect(pending).toBe('0');
    expect(await seedDemo(worker.app)).toBe(false);
  });
});
