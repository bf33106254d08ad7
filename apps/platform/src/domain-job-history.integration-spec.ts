import 'reflect-metadata';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Client } from 'pg';
import { ListJobsQuery, RetryJobDeadLettersCommand } from '@dailies/core';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { builtinJobs, Jobs, TestClock } from '@dailies/jobs';
import { startTestPlatform, TestPlatform } from '@dailies/platform/testing';
import { platformFeatures } from './platform.features';

const DAY_MS = 24 * 60 * 60 * 1000;
const STAFF = { type: 'staff' as const, id: '00000000-0000-7000-8000-0000000000aa' };

async function waitFor(check: () => Promise<boolean>, step: () => Promise<void>): Promise<void> {
  const until = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('waitFor: condition not met in time');
    await step();
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Domain jobs (not only the built-in pruning jobs) have history, dead letters and retry through
 * the operations queries the support tool uses; and the audit-log purge keeps each account's log
 * as long as its plan says, counted from the job engine's (moved) clock.
 */
describe('domain jobs: history, dead letters, retry, and audit retention per plan', () => {
  let url: string;
  let db: Client;
  let platform: TestPlatform;
  let clock: TestClock;

  beforeAll(async () => {
    url = await createTestDatabase();
    db = new Client({ connectionString: url });
    await db.connect();
    clock = new TestClock(new Date());
    platform = await startTestPlatform(
      platformFeatures,
      { JOBS_ENABLED: 'true' },
      { clock, databaseUrl: url },
    );
  });
  afterAll(async () => {
    await platform?.close();
    await db?.end();
    await dropTestDatabase(url);
  });

  async function account(plan: string): Promise<string> {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO accounts (id, name, plan, storage_limit_bytes)
       VALUES (gen_random_uuid(), $1::text, $1::text::account_plan, 0) RETURNING id::text`,
      [plan],
    );
    return rows[0]!.id;
  }

  /** An audit entry of `accountId` (null: of no account) that occurred `daysAgo` days ago. */
  async function entry(accountId: string | null, daysAgo: number): Promise<string> {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO audit_log (event_id, account_id, action, actor_type, subject_type, subject_id,
                              occurred_at)
       VALUES (gen_random_uuid(), $1, 'team.created', 'system', 'team', 't', $2) RETURNING event_id::text AS id`,
      [accountId, new Date(Date.now() - daysAgo * DAY_MS)],
    );
    return rows[0]!.id;
  }

  it('a failing domain job is listed with its error, dead-lettered, retried, and then purges per plan', async () => {
    const jobs = platform.app.get(Jobs);
    const queries = platform.app.get(QueryBus);
    const commands = platform.app.get(CommandBus);

    const [free, pro, enterprise] = [
      await account('free'),
      await account('pro'),
      await account('enterprise'),
    ];
    // The clock is moved 45 days ahead below: ages by that clock are these + 45.
    const kept = [
      await entry(pro, 0), // 45 days by the clock < 365 (pro)
      await entry(pro, 300), // 345 < 365
      await entry(enterprise, 2000), // 2045 < 2555 (7 years)
      await entry(null, 10), // 55 < 365 (AUDIT_RETENTION_DAYS: entries of no account)
    ];
    const purged = [
      await entry(free, 0), // 45 > 30 (free)
      await entry(pro, 340), // 385 > 365
      await entry(enterprise, 2600), // 2645 > 2555
      await entry(null, 400), // 445 > 365
    ];

    // Every registered job is listed, domain jobs included.
    const listed = await queries.execute(new ListJobsQuery(STAFF));
    const domainJobs = [
      'abort-stale-uploads',
      'expire-review-links',
      'process-asset-media',
      'purge-audit-log',
      'purge-trash',
      'reconcile-usage',
      'send-digests',
    ];
    expect(listed.map((j) => j.job).sort()).toEqual(
      [...builtinJobs.map((j) => j.name), ...domainJobs].sort(),
    );

    // Break the purge: its table is gone for a while.
    await db.query('ALTER TABLE audit_log RENAME TO audit_log_away');
    await clock.setTime(Date.now() + 45 * DAY_MS);
    await jobs.enqueue('purge-audit-log', {});
    const overview = async () =>
      (await queries.execute(new ListJobsQuery(STAFF))).find((j) => j.job === 'purge-audit-log')!;
    // Each try fails; the backoff passes with the clock (jumps of an hour) until the last try.
    await waitFor(
      async () => (await overview()).deadLetters.length > 0,
      async () => {
        await clock.setTime(clock.now() + 3_600_000);
        await clock.tick(5_000);
      },
    );
    const failed = await overview();
    expect(failed.deadLetters[0]).toMatchObject({ job: 'purge-audit-log', attempts: 4 });
    expect(failed.deadLetters[0]!.error).toMatch(/audit_log/);
    // (Scheduled runs the moved clock caught up may be in the history too.)
    expect(failed.history.find((r) => r.state === 'failed')).toMatchObject({
      attempts: 4,
      error: expect.stringMatching(/audit_log/),
    });
    expect(failed.stats.deadLetters).toBeGreaterThan(0);

    await db.query('ALTER TABLE audit_log_away RENAME TO audit_log');
    await expect(
      commands.execute(new RetryJobDeadLettersCommand(STAFF, { job: 'no-such-job' })),
    ).rejects.toMatchObject({ code: 'not_found' });
    const retried = await commands.execute(
      new RetryJobDeadLettersCommand(STAFF, { job: 'purge-audit-log' }),
    );
    expect(retried.retried).toBe(failed.deadLetters.length);
    await waitFor(
      async () => (await overview()).history.some((r) => r.state === 'completed'),
      () => clock.tick(5_000),
    );
    const done = await overview();
    expect(done.deadLetters).toHaveLength(0);
    expect(done.history.find((r) => r.state === 'completed')).toMatchObject({ error: null });

    const { rows } = await db.query<{ id: string }>(
      'SELECT event_id::text AS id FROM audit_log WHERE event_id = ANY($1::uuid[])',
      [[...kept, ...purged]],
    );
    expect(rows.map((r) => r.id).sort()).toEqual([...kept].sort());
    // Scheduled runs the moved clock caught up may have completed too: one purge deleted all four.
    const { rows: events } = await db.query<{ payload: { deletedCount: number } }>(
      `SELECT payload FROM events WHERE name = 'audit_log.purged' AND (payload->>'deletedCount')::int > 0`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({
      deletedCount: 4,
      retentionDays: 365,
      byPlan: {
        free: { retentionDays: 30, deletedCount: 1 },
        pro: { retentionDays: 365, deletedCount: 1 },
        team: { retentionDays: 365, deletedCount: 0 },
        enterprise: { retentionDays: 2555, deletedCount: 1 },
      },
    });
  }, 120_000);
});
