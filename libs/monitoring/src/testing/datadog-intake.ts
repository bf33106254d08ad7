import http from 'node:http';
import { gunzipSync, inflateSync } from 'node:zlib';
import type { DatadogSeries } from '../sinks/datadog-series-reporter';

/** One point as it arrived, with its series' tags as a map. */
export interface ReceivedPoint {
  metric: string;
  type?: string;
  value: number;
  tags: Record<string, string>;
}

/**
 * A local stand-in for Datadog's metrics intake: accepts `POST /api/v1/series` (the v1 series
 * API: `{"series": [{metric, points, type, host, tags}]}`, optionally gzip/deflate-encoded) with a
 * `DD-API-KEY` header, answers 202 like Datadog, and keeps every point for the test to assert.
 */
export class DatadogIntake {
  readonly points: ReceivedPoint[] = [];
  /** API keys seen, one per request. */
  readonly apiKeys: string[] = [];
  private server: http.Server | undefined;
  private waiters: (() => void)[] = [];
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        if (request.method !== 'POST' || request.url?.split('?')[0] !== '/api/v1/series') {
          response
            .writeHead(404, { 'content-type': 'application/json' })
            .end('{"errors":["Not found"]}');
          return;
        }
        const key = request.headers['dd-api-key'];
        if (typeof key !== 'string' || key === '') {
          response
            .writeHead(403, { 'content-type': 'application/json' })
            .end('{"errors":["Forbidden"]}');
          return;
        }
        let body: { series?: DatadogSeries[] };
        try {
          const raw = Buffer.concat(chunks);
          const encoding = request.headers['content-encoding'];
          const text = (
            encoding === 'gzip' ? gunzipSync(raw) : encoding === 'deflate' ? inflateSync(raw) : raw
          ).toString('utf8');
          body = JSON.parse(text) as { series?: DatadogSeries[] };
          if (!Array.isArray(body.series)) throw new Error('no series');
        } catch {
          response
            .writeHead(400, { 'content-type': 'application/json' })
            .end('{"errors":["Bad payload"]}');
          return;
        }
        this.apiKeys.push(key);
        for (const s of body.series) {
          const tags = Object.fromEntries(
            (s.tags ?? []).map((t) => {
              const at = t.indexOf(':');
              return at < 0 ? [t, ''] : [t.slice(0, at), t.slice(at + 1)];
            }),
          );
          for (const [, value] of s.points)
            this.points.push({ metric: s.metric, type: s.type, value, tags });
        }
        response.writeHead(202, { 'content-type': 'application/json' }).end('{"status":"ok"}');
        const waiters = this.waiters;
        this.waiters = [];
        for (const wake of waiters) wake();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this;
  }

  /** Points of a metric, optionally only those whose tags include `tags`. */
  find(metric: string, tags: Record<string, string> = {}): ReceivedPoint[] {
    return this.points.filter(
      (p) => p.metric === metric && Object.entries(tags).every(([k, v]) => p.tags[k] === v),
    );
  }

  /** Waits until `check` holds over the received points (checked after each request). */
  async until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('the intake did not receive the expected series in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
