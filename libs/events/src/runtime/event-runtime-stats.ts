import { Injectable } from '@nestjs/common';
import { ConsumerDirectory } from './consumer-directory';
import { ConsumerCounters } from './consumer-metrics';
import { EventRuntime } from './event-runtime';
import type { LatencySummary } from './latency-window';

/** One consumer: this instance's counters and latencies, and the shared backlog. */
export interface ConsumerStats extends ConsumerCounters {
  consumer: string;
  /** How long `handle` took, over the last deliveries here (ms). */
  handlingMs: LatencySummary;
  /** From commit (or redrive, replay) to handled, over the last deliveries here (ms). */
  endToEndMs: LatencySummary;
  /** Running here now. */
  inFlight: number;
  /** Deliveries this instance runs at once for the consumer (its pool's size). */
  concurrency: number;
  /** Waiting in this instance's memory (claimed, not started). */
  buffered: number;
  /** Deliveries not yet handled, in the database, of all instances (includes in-flight and buffered). */
  pending: number;
  /** Dead letters waiting for a redrive. */
  deadLetters: number;
  /** Age of the oldest pending delivery, ms (0 when none). */
  lagMs: number;
}

export type ReadinessStatus = 'ok' | 'degraded' | 'down';

export interface ReadinessResult {
  status: ReadinessStatus;
  detail?: string;
}

const NO_LATENCY: LatencySummary = { count: 0, p50: 0, p95: 0, p99: 0, max: 0 };

/** What a monitor reads: per-consumer statistics, and a readiness check on consumer lag. */
@Injectable()
export class EventRuntimeStats {
  constructor(
    private readonly runtime: EventRuntime,
    private readonly directory: ConsumerDirectory,
  ) {}

  async snapshot(): Promise<ConsumerStats[]> {
    const backlog = new Map((await this.runtime.store.backlog()).map((b) => [b.consumer, b]));
    const workers = new Map(this.runtime.consumerWorkers().map((w) => [w.name, w]));
    return this.directory
      .all()
      .map(({ settings }) => settings)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map(({ name: consumer, concurrency }) => {
        const worker = workers.get(consumer);
        const rows = backlog.get(consumer);
        const metrics = worker?.metrics;
        return {
          consumer,
          delivered: metrics?.delivered ?? 0,
          failed: metrics?.failed ?? 0,
          retried: metrics?.retried ?? 0,
          deadLettered: metrics?.deadLettered ?? 0,
          timedOut: metrics?.timedOut ?? 0,
          overflowed: metrics?.overflowed ?? 0,
          handlingMs: metrics?.handling.summary() ?? NO_LATENCY,
          endToEndMs: metrics?.endToEnd.summary() ?? NO_LATENCY,
          inFlight: worker?.lane.inFlight ?? 0,
          concurrency: worker?.lane.concurrency ?? concurrency,
          buffered: worker?.lane.buffered ?? 0,
          pending: rows?.pending ?? 0,
          deadLetters: rows?.dead ?? 0,
          lagMs: rows?.lagMs ?? 0,
        };
      });
  }

  /**
   * 'degraded' when a consumer's lag passes maxLagMs (or the backlog cannot be read), else 'ok'.
   * Never 'down': consumers falling behind must not take the instance out of service. The
   * platform registers it with Readiness (libs/http).
   */
  async readinessCheck(): Promise<ReadinessResult> {
    let stats: ConsumerStats[];
    try {
      stats = await this.snapshot();
    } catch (error) {
      return { status: 'degraded', detail: `event backlog unreadable: ${String(error)}` };
    }
    const max = this.runtime.options.maxLagMs;
    const behind = stats.filter((s) => s.lagMs > max);
    if (behind.length === 0) return { status: 'ok' };
    return {
      status: 'degraded',
      detail: behind
        .map(
          (s) => `${s.consumer} is ${Math.round(s.lagMs / 1000)} s behind (${s.pending} pending)`,
        )
        .join('; '),
    };
  }
}
