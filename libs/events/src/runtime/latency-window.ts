export interface LatencySummary {
  /** Samples in the window (at most its capacity). */
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The last `capacity` durations (ms) and their percentiles; recording costs no allocation. */
export class LatencyWindow {
  private readonly samples: Float64Array;
  private next = 0;
  private filled = 0;

  constructor(capacity = 2048) {
    this.samples = new Float64Array(capacity);
  }

  record(ms: number): void {
    this.samples[this.next] = ms;
    this.next = (this.next + 1) % this.samples.length;
    if (this.filled < this.samples.length) this.filled++;
  }

  summary(): LatencySummary {
    if (this.filled === 0) return { count: 0, p50: 0, p95: 0, p99: 0, max: 0 };
    const sorted = this.samples.slice(0, this.filled).sort();
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    return {
      count: this.filled,
      p50: round(at(0.5)),
      p95: round(at(0.95)),
      p99: round(at(0.99)),
      max: round(sorted[sorted.length - 1]),
    };
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
