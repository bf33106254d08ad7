import { LatencyWindow, LatencySummary } from './latency-window';

/** What one instance has seen of one consumer since it started (counters only grow). */
export interface ConsumerCounters {
  /** Deliveries handled successfully. */
  delivered: number;
  /** Attempts that threw or timed out. */
  failed: number;
  /** Failed attempts that will be tried again. */
  retried: number;
  /** Deliveries given up on (last attempt failed, or its lease ran out). */
  deadLettered: number;
  /** Attempts that took longer than the consumer's timeout (also counted in failed). */
  timedOut: number;
  /** Deliveries the in-memory buffer had no room for (left to the database, not lost). */
  overflowed: number;
}

export class ConsumerMetrics implements ConsumerCounters {
  delivered = 0;
  failed = 0;
  retried = 0;
  deadLettered = 0;
  timedOut = 0;
  overflowed = 0;
  /** How long `handle` took. */
  readonly handling = new LatencyWindow();
  /** From the event's occurrence (just before its commit) until the handler finished. */
  readonly endToEnd = new LatencyWindow();

  counters(): ConsumerCounters {
    const { delivered, failed, retried, deadLettered, timedOut, overflowed } = this;
    return { delivered, failed, retried, deadLettered, timedOut, overflowed };
  }

  latencies(): { handlingMs: LatencySummary; endToEndMs: LatencySummary } {
    return { handlingMs: this.handling.summary(), endToEndMs: this.endToEnd.summary() };
  }
}
