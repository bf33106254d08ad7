import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Jobs, JobsEngine } from '@dailies/jobs';
import { METRIC_CATALOGUE, Metrics } from '@dailies/monitoring';
import { DatadogIntake } from '@dailies/monitoring/testing';
import {
  signUpAndLogIn,
  startTestPlatform,
  TestClient,
  TestPlatform,
} from '@dailies/platform/testing';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { platformFeatures } from './platform.features';

const ROOT = path.resolve(__dirname, '../../..');
const INSTANCE = 'metrics-test-instance';

/** Dynasaur as operators run it: its own process (tools/dynasaur/src/main.ts). */
function dynasaur(
  argv: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; err: string }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'tools/scripts/run-ts.cjs'), 'tools/dynasaur/src/main.ts', ...argv],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, err })));
}

async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Issue 14's metrics, end to end: the platform boots with the Datadog sink (the real
 * datadog-metrics client) pointed at a local intake that speaks Datadog's series API; the test
 * drives HTTP, GraphQL, a graphql-ws subscription, events, jobs and a small Dynasaur run, and
 * asserts each family's series arrive tagged with app and instance.
 */
describe('metrics of every family reach the Datadog intake', () => {
  let intake: DatadogIntake;
  let platform: TestPlatform;
  let metrics: Metrics;
  let dir: string;
  let fixtures: Promise<{ code: number | null; err: string }>;
  const app = { app: 'platform', instance: INSTANCE };
  const sinkEnv = () => ({
    METRICS_SINK: 'datadog',
    DATADOG_API_KEY: 'test-api-key',
    DATADOG_API_URL: intake.url,
    METRICS_INSTANCE: INSTANCE,
    // The test flushes when it wants to look; the timer must not split what it drives.
    METRICS_FLUSH_INTERVAL_MS: '300000',
  });
  const points = (metric: string, tags: Record<string, string> = {}) =>
    intake.find(`dailies.${metric}`, { ...app, ...tags });
  const last = (metric: string, tags: Record<string, string> = {}) =>
    points(metric, tags).at(-1)?.value;
  const sum = (metric: string, tags: Record<string, string> = {}) =>
    points(metric, tags).reduce((n, p) => n + p.value, 0);

  beforeAll(async () => {
    intake = await new DatadogIntake().start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'metrics-'));
    // Dynasaur's fixtures (a small legacy export) are written while the platform boots.
    fixtures = dynasaur(['fixtures', '--scale', '1', '--out', path.join(dir, 'export')], {});
    platform = await startTestPlatform(platformFeatures, { ...sinkEnv(), JOBS_ENABLED: 'true' });
    metrics = platform.app.get(Metrics);
  });

  afterAll(async () => {
    await platform?.close();
    await intake?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('HTTP, GraphQL, websocket, events, jobs, database pool, process and Dynasaur', async () => {
    const anon = new TestClient(platform.baseUrl);

    // HTTP: a sign-up and log-in (their events go to every consumer) and an unknown path.
    const signup = await signUpAndLogIn(anon, {
      email: `metrics-${Date.now()}@example.com`,
      password: 'a-long-enough-password',
      name: 'Metrics',
    });
    expect(signup.status).toBe(201);
    const token = signup.body.accessToken;
    expect((await anon.get('/v2/no-such-route')).status).toBe(404);

    // GraphQL: one named query.
    const gql = await anon.as(token).post('/graphql', {
      query: 'query AccountById($id: ID!) { account(id: $id) { id } }',
      variables: { id: signup.body.accountId },
    });
    expect(gql.status).toBe(200);
    expect(gql.body.errors).toBeUndefined();

    // A graphql-ws connection with one live subscription.
    const ws: Client = createClient({
      url: `${platform.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: false,
    });
    let connected = false;
    ws.on('connected', () => (connected = true));
    const dispose = ws.subscribe(
      { query: 'subscription { notificationReceived { id } }' },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
    await until(() => connected);

    // Jobs: one run that completes, one whose payload the handler refuses (a failure).
    const jobs = platform.app.get(Jobs);
    await jobs.enqueue('reconcile-usage', {});
    await platform.app.get(JobsEngine).boss.send('purge-trash', { limit: -1 });
    const ran: string[] = [];
    platform.app.get(JobsEngine).onRunFinished((run) => ran.push(`${run.job}:${run.outcome}`));
    await until(
      () => ran.includes('reconcile-usage:completed') && ran.includes('purge-trash:failed'),
    );

    // Events: the sign-up's events reach the audit consumer.
    await until(async () => {
      await metrics.flush();
      return sum('events.consumer.handled', { consumer: 'audit' }) > 0;
    });
    // Garbage, so that the collector has a GC pause to report.
    let garbage: number[][] = [];
    for (let i = 0; i < 50; i++) garbage.push(new Array(100_000).fill(i));
    garbage = [];
    await metrics.flush();
    expect(garbage).toHaveLength(0);

    // HTTP per route template and status class: count, avg, p95, max.
    const signupTags = { method: 'POST', route: '/v2/auth/signup', status_class: '2xx' };
    expect(sum('http.request.duration.count', signupTags)).toBe(1);
    for (const stat of ['avg', 'p95', 'max'])
      expect(last(`http.request.duration.${stat}`, signupTags)).toBeGreaterThan(0);
    expect(sum('http.request.duration.count', { route: 'unmatched', status_class: '4xx' })).toBe(1);

    // GraphQL per operation.
    expect(
      sum('graphql.operation.duration.count', {
        operation: 'AccountById',
        operation_type: 'query',
        outcome: 'ok',
      }),
    ).toBe(1);

    // Websocket: connects, live connections and subscriptions (flushed while subscribed).
    expect(sum('graphql.ws.connects')).toBe(1);
    expect(points('graphql.ws.connections').map((p) => p.value)).toContain(1);
    expect(points('graphql.ws.subscriptions').map((p) => p.value)).toContain(1);

    // Every consumer: handled, failed, retried, dead-lettered, lag, queue depth, pool.
    for (const consumer of ['analytics', 'audit', 'cache', 'notifications', 'usage']) {
      const tags = { consumer };
      for (const counter of ['handled', 'failed', 'retried', 'dead_lettered'])
        expect(points(`events.consumer.${counter}`, tags).length).toBeGreaterThan(0);
      for (const gauge of ['lag_ms', 'queue_depth', 'pool.running', 'pool.total'])
        expect(last(`events.consumer.${gauge}`, tags)).toEqual(expect.any(Number));
      expect(last('events.consumer.pool.total', tags)).toBeGreaterThan(0);
    }

    // Jobs: runs, failures, duration avg/p95/max, queue depth, oldest waiting.
    expect(sum('jobs.runs', { job: 'reconcile-usage' })).toBe(1);
    expect(sum('jobs.failures', { job: 'purge-trash' })).toBe(1);
    const completed = { job: 'reconcile-usage', outcome: 'completed' };
    expect(sum('jobs.run.duration.count', completed)).toBe(1);
    for (const stat of ['avg', 'p95', 'max'])
      expect(last(`jobs.run.duration.${stat}`, completed)).toBeGreaterThan(0);
    expect(last('jobs.queue.depth', { job: 'reconcile-usage' })).toBe(0);
    expect(last('jobs.queue.oldest_waiting_seconds', { job: 'reconcile-usage' })).toBe(0);

    // Database pools: in use, waiting.
    for (const pool of ['prisma', 'sql']) {
      expect(last('db.pool.in_use', { pool })).toEqual(expect.any(Number));
      expect(last('db.pool.waiting', { pool })).toBe(0);
    }

    // The process: event-loop delay and utilisation, heap, RSS, GC.
    expect(last('process.event_loop.delay.p99')).toBeGreaterThan(0);
    expect(last('process.event_loop.utilization')).toBeGreaterThan(0);
    expect(last('process.heap.used_bytes')).toBeGreaterThan(1_000_000);
    expect(last('process.rss_bytes')).toBeGreaterThan(last('process.heap.used_bytes')!);
    expect(intake.find('dailies.process.gc.pause.count', app).length).toBeGreaterThan(0);

    // Closing the socket: a disconnect, no live subscription left.
    dispose();
    await ws.dispose();
    await until(async () => {
      await metrics.flush();
      return sum('graphql.ws.disconnects') === 1;
    });
    // Gauges are read at the start of a flush: the next one sees the socket gone.
    await metrics.flush();
    expect(last('graphql.ws.connections')).toBe(0);
    expect(last('graphql.ws.subscriptions')).toBe(0);

    // A small Dynasaur run (its own process, app:dynasaur) reports rows/s, rejects, ETA.
    const made = await fixtures;
    expect(made.code).toBe(0);
    const run = await dynasaur(
      ['migrate', '--all', '--source', 'export', '--export-dir', path.join(dir, 'export')],
      { ...sinkEnv(), DATABASE_URL: platform.databaseUrl },
    );
    expect(run.code).toBe(0);
    const migrator = { app: 'dynasaur', instance: INSTANCE, table: 'users' };
    const at = (metric: string) =>
      intake.find(`dailies.dynasaur.${metric}`, migrator).at(-1)?.value;
    expect(at('rows')).toBeGreaterThan(0);
    expect(at('rows_per_second')).toBeGreaterThan(0);
    expect(at('rejects')).toEqual(expect.any(Number));
    expect(at('eta_seconds')).toBe(0);
    expect(at('done')).toBe(1);
    expect(intake.apiKeys.every((k) => k === 'test-api-key')).toBe(true);

    // Every series of the catalogue (which the dashboard and monitors draw on) arrived, with
    // its type and tags.
    const missing = METRIC_CATALOGUE.filter((entry) => {
      const tags = { app: entry.source, instance: INSTANCE };
      const arrived = intake.find(`dailies.${entry.name}`, tags);
      return !arrived.some(
        (p) => p.type === entry.type && entry.tags.every((t) => p.tags[t] !== undefined),
      );
    });
    expect(missing.map((e) => e.name)).toEqual([]);
  }, 120_000);
});
