import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections?: number;
  seconds: number;
  /** Requests per second across all connections; unset = as fast as the server answers. */
  overallRate?: number;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)] * 100) / 100;
}

/**
 * One autocannon run. autocannon's own summary has no p95, so every response time is collected
 * (they are few enough: a run is seconds long) and the percentiles are computed exactly.
 */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  // The callback form returns the instance (an EventEmitter) rather than a bare promise.
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: options.method ?? 'GET',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: options.body,
        connections: options.connections ?? 32,
        duration: options.seconds,
        overallRate: options.overallRate,
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    rps: Math.round(result.requests.total / options.seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

export function formatRow(name: string, r: LoadResult, ratio?: number): string {
  const cells = [
    name.padEnd(44),
    String(r.rps).padStart(7),
    r.p50.toFixed(1).padStart(7),
    r.p95.toFixed(1).padStart(7),
    r.p99.toFixed(1).padStart(7),
    String(r.errors).padStart(6),
    ratio === undefined ? '' : `${ratio.toFixed(2)}×`.padStart(7),
  ];
  return cells.join(' ');
}

export const TABLE_HEADER = `${'route'.padEnd(44)}   req/s  p50 ms  p95 ms  p99 ms  errors   ratio`;
