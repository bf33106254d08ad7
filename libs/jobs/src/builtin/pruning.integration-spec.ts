import { randomUUID } from 'node:crypto';
import { PrismaService, SqlPool } from '@dailies/db';
import { TestClock } from '../pg-boss-engine';
import { EngineHarness, waitFor } from '../testing/engine-harness';
import { Jobs } from '../jobs';
import { pruneDeliveredEventsJob } from './prune-delivered-events.job';
import { pruneLoginThrottlesJob } from './prune-login-throttles.job';
import { pruneProcessedEventsJob } from './prune-processed-events.job';
import { builtinJobs } from '.';

const NOW = '2026-09-01T12:00:00Z';
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * 86_400_000);

describe('the built-in pruning jobs', () => {
  let harness: EngineHarness;
  let pool: SqlPool;
  let prisma: PrismaService;
  let jobs: Jobs;

  beforeAll(async () => {
    harness = await EngineHarness.create();
    pool = new SqlPool(harness.url);
    prisma = new PrismaService(harness.url, 2);
    const clock = new TestClock(NOW);
    const services = new Map<unknown, unknown>([
      [SqlPool, pool],
      [PrismaService, prisma],
    ]);
    ({ jobs } = await harness.start({
      jobs: builtinJobs,
      clock,
      services,
      pollingIntervalSeconds: 1,
    }));
    // Time moves on (a second per 100 ms) so the workers' polls fire; an overlapping tick is refused.
    ticker = setInterval(() => void clock.tick(1_000).catch(() => undefined), 100);
  });
  let ticker: NodeJS.Timeout | undefined;
  afterAll(async () => {
    clearInterval(ticker);
    await prisma.onModuleDestroy();
    await pool.onModuleDestroy();
    await harness.close();
  });

  async function runToCompletion(job: string, payload: object): Promise<void> {
    const id = await jobs.enqueue(job, payload);
    await waitFor(async () =>
      (await jobs.history(job)).some((r) => r.id === id && r.state === 'completed'),
    );
  }

  it('prunes finished login throttles and keeps open windows and active blocks', async () => {
    await pool.query(
      `INSERT INTO login_throttles (key, failures, window_started_at, blocked_until) VALUES
         ('old', 3, $1, NULL), ('old-expired-block', 9, $1, $2),
         ('old-still-blocked', 9, $1, $3), ('recent', 1, $4, NULL)`,
      [daysAgo(3), daysAgo(2), daysAgo(-1), daysAgo(0.01)],
    );
    await runToCompletion(pruneLoginThrottlesJob.name, {});
    const left = await pool.query<{ key: string }>('SELECT key FROM login_throttles ORDER BY key');
    expect(left.map((r) => r.key)).toEqual(['old-still-blocked', 'recent']);
  });

  it('forgets addresses a user has not signed in from for 180 days', async () => {
    const userId = randomUUID();
    await pool.query(`INSERT INTO users (id, email, name) VALUES ($1, $2, 'Kim')`, [
      userId,
      `kim-${userId}@example.com`,
    ]);
    await pool.query(
      `INSERT INTO login_known_sources (user_id, ip, first_success_at, last_success_at) VALUES
         ($1, '192.0.2.1', $2, $2), ($1, '192.0.2.2', $2, $3)`,
      [userId, daysAgo(200), daysAgo(10)],
    );
    await runToCompletion(pruneLoginThrottlesJob.name, {});
    const left = await pool.query<{ ip: string }>(
      'SELECT ip FROM login_known_sources WHERE user_id = $1',
      [userId],
    );
    expect(left.map((r) => r.ip)).toEqual(['192.0.2.2']);
  });

  it('prunes delivered outbox rows past the replay window, keeping pending and dead deliveries', async () => {
    const ids = {
      delivered: randomUUID(),
      pending: randomUUID(),
      dead: randomUUID(),
      recent: randomUUID(),
    };
    for (const [name, id] of Object.entries(ids)) {
      await pool.query(
        `INSERT INTO events (id, name, schema_version, occurred_at, actor, subject_type, subject_id, payload)
         VALUES ($1, 'test.happened', 1, $2, '{"type":"system"}', 'test', $3, '{}')`,
        [id, name === 'recent' ? daysAgo(5) : daysAgo(40), name],
      );
    }
    for (const state of ['pending', 'dead'] as const) {
      await pool.query(
        `INSERT INTO event_deliveries (event_id, consumer, event_position, subject_type, subject_id, state)
         SELECT id, 'audit', position, subject_type, subject_id, $2::event_delivery_state
           FROM events WHERE id = $1`,
        [ids[state], state],
      );
    }
    await runToCompletion(pruneDeliveredEventsJob.name, { keepDays: 30 });
    const left = await pool.query<{ subject_id: string }>(
      'SELECT subject_id FROM events ORDER BY subject_id',
    );
    expect(left.map((r) => r.subject_id)).toEqual(['dead', 'pending', 'recent']);
  });

  it('prunes idempotency markers older than the window through ProcessedEvents.prune', async () => {
    await pool.query(
      `INSERT INTO processed_events (consumer, event_id, processed_at) VALUES
         ('audit', $1, $3), ('usage', $2, $4)`,
      [randomUUID(), randomUUID(), daysAgo(45), daysAgo(2)],
    );
    await runToCompletion(pruneProcessedEventsJob.name, {});
    const left = await pool.query<{ consumer: string }>('SELECT consumer FROM processed_events');
    expect(left).toEqual([{ consumer: 'usage' }]);
  });
});
