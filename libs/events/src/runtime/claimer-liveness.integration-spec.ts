import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { ledgerConsumers, LEDGER_CONSUMERS } from './testing/ledger-consumers';
import {
  deliveryRows,
  sql,
  startInstance,
  TestInstance,
  waitFor,
} from './testing/runtime-test-kit';

const ROOT = path.resolve(__dirname, '../../../..');
const CHILD = 'libs/events/src/runtime/testing/claimer-child.ts';
const EVENTS = 40;

/**
 * Claims live as long as the claiming session: a SIGKILLed instance's deliveries, leased for
 * 60 s, are taken over by another instance within seconds — and a live instance's are not.
 */
describe('claims tied to the claimer session', () => {
  let url: string;
  let child: ChildProcess | undefined;
  let survivor: TestInstance | undefined;

  beforeAll(async () => {
    url = await createTestDatabase();
    await sql(url, 'CREATE TABLE test_effects (consumer text NOT NULL, event_id uuid NOT NULL)');
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await survivor?.close();
    await dropTestDatabase(url);
  });

  it('takes over a SIGKILLed instance’s 60 s leases within seconds, each effect once', async () => {
    child = spawn(process.execPath, ['tools/scripts/run-ts.cjs', CHILD, url, String(EVENTS)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const running = child;
    let stdout = '';
    let stderr = '';
    running.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    running.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    await waitFor(`the child commits (${stderr})`, () => stdout.includes('committed'), 60_000);
    const childId = /committed \d+ (\S+)/.exec(stdout)![1];

    // A second instance while the first is alive: the first's leases hold.
    survivor = await startInstance(url, ledgerConsumers(), { leaseMs: 60_000 });
    await new Promise((r) => setTimeout(r, 1_000));
    const stolen = await sql<{ n: number }>(
      url,
      'SELECT count(*)::int AS n FROM event_deliveries WHERE locked_by = $1',
      [survivor.runtime.instanceId],
    );
    expect(stolen[0].n).toBe(0);
    expect(survivor.runtime.claimerLockHeld).toBe(true);

    // Every delivery left is leased to the child for most of a minute still.
    const [before] = await sql<{ total: number; leased: number }>(
      url,
      `SELECT count(*)::int AS total, count(*) FILTER (
         WHERE locked_by = $1 AND locked_until > now() + interval '50 seconds')::int AS leased
       FROM event_deliveries`,
      [childId],
    );
    expect(before.total).toBeGreaterThan(10);
    expect(before.leased).toBe(before.total);

    const killedAt = Date.now();
    running.kill('SIGKILL');
    await exited;
    await waitFor('no deliveries left', async () => (await deliveryRows(url)).length === 0, 30_000);
    const takeoverMs = Date.now() - killedAt;
    console.log(
      `claim takeover after SIGKILL: ${takeoverMs} ms for ${before.total} deliveries leased for 60 s`,
    );
    expect(takeoverMs).toBeLessThan(10_000);

    const effects = await sql<{ consumer: string; n: number; distinct_events: number }>(
      url,
      `SELECT consumer, count(*)::int AS n, count(DISTINCT event_id)::int AS distinct_events
       FROM test_effects GROUP BY consumer ORDER BY consumer`,
    );
    expect(effects).toEqual(
      LEDGER_CONSUMERS.map((consumer) => ({ consumer, n: EVENTS, distinct_events: EVENTS })),
    );
  }, 60_000);
});
