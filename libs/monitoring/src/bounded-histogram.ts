/** What a histogram reports per flush. */
export interface HistogramSummary {
  count: number;
  sum: number;
  avg: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Relative accuracy of the quantiles: a reported p95 is within 1% of a recorded sample's value. */
const RELATIVE_ACCURACY = 0.01;
const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);

/**
 * A distribution in bounded memory. datadog-metrics' own Histogram keeps every sample until the
 * next flush (a busy route would hold millions); this keeps counts in logarithmic buckets — the
 * DDSketch idea: bucket i holds values in (γ^(i-1), γ^i] — so a value from 1 µs to 10⁹ ms lands
 * in one of ~1,500 buckets whatever the traffic, and any quantile is within 1% of a recorded
 * value. Count, sum and max are exact. Written here rather than taken from a package because it is
 * forty lines and the flush path needs only count/avg/p95/max.
 */
export class BoundedHistogram {
  private readonly buckets = new Map<number, number>();
  private zeros = 0;
  count = 0;
  sum = 0;
  max = -Infinity;
  min = Infinity;

  record(value: number): void {
    if (!Number.isFinite(value)) return;
    this.count += 1;
    this.sum += value;
    if (value > this.max) this.max = value;
    if (value < this.min) this.min = value;
    if (value <= 0) {
      this.zeros += 1;
      return;
    }
    const index = Math.ceil(Math.log(value) / LOG_GAMMA);
    this.buckets.set(index, (this.buckets.get(index) ?? 0) + 1);
  }

  /** Number of buckets in use (bounded by the range of values, not their number). */
  get size(): number {
    return this.buckets.size + (this.zeros > 0 ? 1 : 0);
  }

  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    if (rank <= this.zeros) return Math.max(this.min, 0);
    let seen = this.zeros;
    const indexes = [...this.buckets.keys()].sort((a, b) => a - b);
    for (const index of indexes) {
      seen += this.buckets.get(index) ?? 0;
      if (seen >= rank) {
        // The bucket's midpoint in relative terms: within RELATIVE_ACCURACY of every value in it.
        const estimate = (2 * Math.pow(GAMMA, index)) / (GAMMA + 1);
        return Math.min(this.max, Math.max(this.min, estimate));
      }
    }
    return this.max;
  }

  summary(): HistogramSummary {
    if (this.count === 0) return { count: 0, sum: 0, avg: 0, p50: 0, p95: 0, p99: 0, max: 0 };
    return {
      count: this.count,
      sum: this.sum,
      avg: this.sum / this.count,
      p50: this.quantile(0.5),
      p95: this.quantile(0.95),
      p99: this.quantile(0.99),
      max: this.max,
    };
  }
}
