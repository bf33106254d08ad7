import http from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

export interface PacedResult {
  rps: number;
  /** Latency counted from when each request was due (what a user at that rate waits). */
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  /** The load generator's own share of it (this process), to tell its delays from the server's. */
  generator: {
    /** How late requests left this process after they were due, p95 and max (ms). */
    sendLagP95: number;
    sendLagMax: number;
    /** Latency counted from when each request actually left, p95 (ms). */
    fromSentP95: number;
    /** This process's event loop: utilisation (0–1) and its delay p99 (ms). */
    utilisation: number;
    loopDelayP99: number;
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)] * 100) / 100;
}

const sortedCopy = (values: number[]) => Float64Array.from(values).sort();

/**
 * An open-loop load at a steady rate: request i is due at start + i/rate and is sent then,
 * whatever the earlier ones are doing; its latency counts from when it was due (so a stalled
 * server is not hidden by a waiting client — no coordinated omission). Written here because
 * autocannon's `overallRate` sends each second's quota in a burst, which measures queueing
 * behind the burst rather than the latency at that rate.
 *
 * The generator is a Node process too, so its own stalls (its event loop busy parsing
 * responses, its GC, a core taken by another process) count in that latency. It reports them
 * apart (`generator`): how late requests left, the latency from when they left, and its loop's
 * utilisation — so a tail can be told to be the server's or the generator's.
 */
export async function paced(options: {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  rate: number;
  seconds: number;
}): Promise<PacedResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const url = new URL(options.url);
  const latencies: number[] = [];
  const fromSent: number[] = [];
  const sendLags: number[] = [];
  let errors = 0;
  const total = Math.round(options.rate * options.seconds);
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const utilisationBefore = performance.eventLoopUtilization();
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  const send = (dueAt: number) =>
    new Promise<void>((resolve) => {
      const sentAt = performance.now();
      sendLags.push(sentAt - dueAt);
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method: options.method ?? 'GET',
          headers: { 'content-type': 'application/json', ...options.headers },
          agent,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            const now = performance.now();
            if (res.statusCode && res.statusCode < 400) {
              latencies.push(now - dueAt);
              fromSent.push(now - sentAt);
            } else errors++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(options.body);
    });
  let sent = 0;
  while (sent < total) {
    const now = performance.now();
    const due = Math.min(total, Math.floor(((now - started) / 1000) * options.rate) + 1);
    for (; sent < due; sent++) inFlight.push(send(started + (sent / options.rate) * 1000));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  const utilisation = performance.eventLoopUtilization(utilisationBefore).utilization;
  loopDelay.disable();
  agent.destroy();
  const sorted = sortedCopy(latencies);
  const lags = sortedCopy(sendLags);
  return {
    rps: Math.round(latencies.length / elapsed),
    p50: percentile(Array.from(sorted), 50),
    p95: percentile(Array.from(sorted), 95),
    p99: percentile(Array.from(sorted), 99),
    requests: latencies.length + errors,
    errors,
    generator: {
      sendLagP95: percentile(Array.from(lags), 95),
      sendLagMax: Math.round((lags[lags.length - 1] ?? 0) * 100) / 100,
      fromSentP95: percentile(Array.from(sortedCopy(fromSent)), 95),
      utilisation: Math.round(utilisation * 1000) / 1000,
      loopDelayP99: Math.round(loopDelay.percentile(99) / 1e4) / 100,
    },
  };
}
