/**
 * Every series the code sends to Datadog (names without the `dailies.` prefix), by the process
 * that sends it. Each carries `app` and `instance` besides the tags listed. The dashboard and
 * monitors in docs/monitoring may use only these (dashboard.spec.ts), and the platform's
 * integration test checks that each of them arrives (metrics.integration-spec.ts).
 */
export interface CatalogueEntry {
  name: string;
  type: 'count' | 'gauge';
  tags: readonly string[];
  /** `platform`: every app process (core-api, munger, support-tool, cron, platform); or Dynasaur. */
  source: 'platform' | 'dynasaur';
}

const stats = (base: string, tags: readonly string[]): CatalogueEntry[] => [
  { name: `${base}.count`, type: 'count', tags, source: 'platform' },
  ...['avg', 'p95', 'max'].map((s): CatalogueEntry => ({
    name: `${base}.${s}`,
    type: 'gauge',
    tags,
    source: 'platform',
  })),
];
const counts = (names: string[], tags: readonly string[]): CatalogueEntry[] =>
  names.map((name) => ({ name, type: 'count', tags, source: 'platform' }));
const gauges = (
  names: string[],
  tags: readonly string[],
  source: CatalogueEntry['source'] = 'platform',
): CatalogueEntry[] => names.map((name) => ({ name, type: 'gauge', tags, source }));

export const METRIC_CATALOGUE: readonly CatalogueEntry[] = [
  ...stats('http.request.duration', ['method', 'route', 'status_class']),
  ...stats('graphql.operation.duration', ['operation', 'operation_type', 'outcome']),
  ...counts(['graphql.ws.connects', 'graphql.ws.disconnects'], []),
  ...gauges(['graphql.ws.connections', 'graphql.ws.subscriptions'], []),
  ...counts(
    [
      'events.consumer.handled',
      'events.consumer.failed',
      'events.consumer.retried',
      'events.consumer.dead_lettered',
      'events.consumer.timed_out',
    ],
    ['consumer'],
  ),
  ...gauges(
    [
      'events.consumer.lag_ms',
      'events.consumer.queue_depth',
      'events.consumer.buffered',
      'events.consumer.pool.running',
      'events.consumer.pool.total',
      'events.consumer.dead_letters',
      'events.consumer.handling_ms.p95',
    ],
    ['consumer'],
  ),
  ...stats('jobs.run.duration', ['job', 'outcome']),
  ...counts(['jobs.runs', 'jobs.failures'], ['job']),
  ...gauges(
    [
      'jobs.queue.depth',
      'jobs.queue.deferred',
      'jobs.queue.active',
      'jobs.queue.oldest_waiting_seconds',
      'jobs.dead_letters',
    ],
    ['job'],
  ),
  ...gauges(['db.pool.in_use', 'db.pool.idle', 'db.pool.waiting', 'db.pool.total'], ['pool']),
  ...gauges(
    [
      'process.event_loop.delay.p50',
      'process.event_loop.delay.p99',
      'process.event_loop.delay.max',
      'process.event_loop.utilization',
      'process.heap.used_bytes',
      'process.heap.total_bytes',
      'process.rss_bytes',
    ],
    [],
  ),
  ...stats('process.gc.pause', ['kind']),
  ...gauges(
    [
      'dynasaur.rows',
      'dynasaur.rows_per_second',
      'dynasaur.rejects',
      'dynasaur.eta_seconds',
      'dynasaur.done',
    ],
    ['table'],
    'dynasaur',
  ),
];
