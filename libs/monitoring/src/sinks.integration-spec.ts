import dgram from 'node:dgram';
import http from 'node:http';
import { createMetrics, MetricsConfigError } from './create-metrics';
import { monitoringConfigSchema } from './monitoring.config';
import { DatadogIntake } from './testing';

const config = (env: Record<string, string>) =>
  monitoringConfigSchema.parse({ METRICS_INSTANCE: 'test-host', ...env });

describe('metric sinks', () => {
  let intake: DatadogIntake;

  beforeEach(async () => {
    intake = await new DatadogIntake().start();
  });

  afterEach(() => intake.stop());

  it('datadog: the real datadog-metrics client sends counters, gauges and bounded histograms to the series API', async () => {
    const { hub } = createMetrics(
      'test-app',
      config({ METRICS_SINK: 'datadog', DATADOG_API_KEY: 'k-123', DATADOG_API_URL: intake.url }),
    );
    hub.increment('things.done', 2, { kind: 'a' });
    hub.increment('things.done', 3, { kind: 'a' });
    hub.gauge('queue.depth', 7);
    hub.gauge('queue.depth', 4);
    for (let i = 1; i <= 1000; i++) hub.histogram('work.duration', i, { route: '/x' });
    await hub.flush();

    expect(intake.apiKeys).toEqual(['k-123']);
    const tags = { app: 'test-app', instance: 'test-host' };
    expect(intake.find('dailies.things.done', { ...tags, kind: 'a' })).toEqual([
      expect.objectContaining({ type: 'count', value: 5 }),
    ]);
    expect(intake.find('dailies.queue.depth', tags)).toEqual([
      expect.objectContaining({ type: 'gauge', value: 4 }),
    ]);
    const one = (metric: string) =>
      intake.find(`dailies.work.duration.${metric}`, { ...tags, route: '/x' });
    expect(one('count')).toEqual([expect.objectContaining({ type: 'count', value: 1000 })]);
    expect(one('avg')[0].value).toBeCloseTo(500.5, 3);
    expect(one('max')[0].value).toBe(1000);
    expect(Math.abs(one('p95')[0].value - 950) / 950).toBeLessThanOrEqual(0.01);

    // The next interval starts empty: histograms and counters are per flush.
    hub.histogram('work.duration', 5, { route: '/x' });
    await hub.flush();
    expect(one('count').map((p) => p.value)).toEqual([1000, 1]);
    expect(intake.find('dailies.things.done')).toHaveLength(1);
    await hub.close();
  });

  it('datadog: collectors run before each flush, and a failing one does not stop the others', async () => {
    const errors: unknown[] = [];
    const { hub } = createMetrics(
      'test-app',
      config({ METRICS_SINK: 'datadog', DATADOG_API_KEY: 'k', DATADOG_API_URL: intake.url }),
      (e) => errors.push(e),
    );
    let reads = 0;
    hub.addCollector((m) => m.gauge('pool.in_use', ++reads));
    hub.addCollector(() => {
      throw new Error('pool closed');
    });
    await hub.flush();
    await hub.flush();
    expect(intake.find('dailies.pool.in_use').map((p) => p.value)).toEqual([1, 2]);
    expect(errors.map(String)).toEqual(['Error: pool closed', 'Error: pool closed']);
    await hub.close();
  });

  it('datadog: an unreachable intake is reported to onError, never thrown', async () => {
    const errors: unknown[] = [];
    await intake.stop();
    const { hub } = createMetrics(
      'test-app',
      config({ METRICS_SINK: 'datadog', DATADOG_API_KEY: 'k', DATADOG_API_URL: intake.url }),
      (e) => errors.push(e),
    );
    hub.increment('x');
    await expect(hub.flush()).resolves.toBeUndefined();
    expect(String(errors[0])).toMatch(/Datadog unreachable/);
    intake = await new DatadogIntake().start();
  }, 15_000);

  it('datadog: the last flush at shutdown gives up on an intake that does not answer', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const errors: unknown[] = [];
    const { hub } = createMetrics(
      'test-app',
      config({
        METRICS_SINK: 'datadog',
        DATADOG_API_KEY: 'k',
        DATADOG_API_URL: `http://127.0.0.1:${port}`,
      }),
      (e) => errors.push(e),
    );
    hub.increment('x');
    const started = Date.now();
    await hub.close(300);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(String(errors[0])).toMatch(/did not finish within 300 ms/);
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('datadog without DATADOG_API_KEY is refused with a message saying what to set', () => {
    expect(() => createMetrics('a', config({ METRICS_SINK: 'datadog' }))).toThrow(
      MetricsConfigError,
    );
    expect(() => createMetrics('a', config({ METRICS_SINK: 'datadog' }))).toThrow(
      /DATADOG_API_KEY/,
    );
  });

  it('statsd: hot-shots sends DogStatsD datagrams with the app and instance tags', async () => {
    const socket = dgram.createSocket('udp4');
    const received: string[] = [];
    socket.on('message', (m) => received.push(...m.toString('utf8').split('\n').filter(Boolean)));
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    const { hub } = createMetrics(
      'cron',
      config({
        METRICS_SINK: 'statsd',
        STATSD_HOST: '127.0.0.1',
        STATSD_PORT: String(socket.address().port),
      }),
    );
    hub.increment('jobs.runs', 1, { job: 'digest' });
    hub.gauge('jobs.queue.depth', 3, { job: 'digest' });
    hub.histogram('jobs.run.duration', 12.5, { job: 'digest' });
    await hub.close();
    const deadline = Date.now() + 5000;
    while (received.length < 3 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    socket.close();
    const t = 'app:cron,instance:test-host';
    expect(received.sort()).toEqual(
      [
        `dailies.jobs.queue.depth:3|g|#${t},job:digest`,
        `dailies.jobs.run.duration:12.5|h|#${t},job:digest`,
        `dailies.jobs.runs:1|c|#${t},job:digest`,
      ].sort(),
    );
  });

  it('prometheus: prom-client renders counters, gauges and summaries with the default labels', async () => {
    const { hub, prometheus, memory } = createMetrics(
      'munger',
      config({ METRICS_PROMETHEUS: 'true' }),
    );
    expect(memory).toBeDefined();
    hub.increment('http.requests', 2, { route: '/v1/assets' });
    hub.gauge('db.pool.in_use', 3, { pool: 'prisma' });
    for (let i = 0; i < 100; i++)
      hub.histogram('http.request.duration', i, { route: '/v1/assets' });
    const text = await prometheus!.registry.metrics();
    expect(text).toContain(
      'dailies_http_requests_total{route="/v1/assets",app="munger",instance="test-host"} 2',
    );
    expect(text).toContain(
      'dailies_db_pool_in_use{pool="prisma",app="munger",instance="test-host"} 3',
    );
    expect(text).toMatch(
      /dailies_http_request_duration\{quantile="0\.95",route="\/v1\/assets",app="munger",instance="test-host"\} 9[45]/,
    );
    expect(text).toContain(
      'dailies_http_request_duration_count{route="/v1/assets",app="munger",instance="test-host"} 100',
    );
    // The memory sink saw the same.
    expect(memory!.value('db.pool.in_use', { pool: 'prisma' })).toBe(3);
    expect(memory!.render('dailies.', { app: 'munger' })).toContain(
      'dailies.http.request.duration.count{app="munger",route="/v1/assets"} 100',
    );
    await hub.close();
  });
});
