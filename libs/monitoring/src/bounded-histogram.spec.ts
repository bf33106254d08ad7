import { BoundedHistogram } from './bounded-histogram';

/** The exact quantile of sorted values, as the nearest-rank definition gives it. */
function exact(sorted: number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

describe('BoundedHistogram', () => {
  it('reports count, avg and max exactly and p50/p95/p99 within 1% of the exact values', () => {
    const h = new BoundedHistogram();
    const values: number[] = [];
    let seed = 42;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      // Long-tailed, like latencies: mostly a few ms, some seconds.
      const value = Math.exp((seed / 2_147_483_648) * 9) / 10;
      values.push(value);
      h.record(value);
    }
    values.sort((a, b) => a - b);
    const s = h.summary();
    expect(s.count).toBe(20_000);
    expect(s.max).toBe(values[values.length - 1]);
    expect(s.avg).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
    for (const [q, got] of [
      [0.5, s.p50],
      [0.95, s.p95],
      [0.99, s.p99],
    ] as const) {
      const want = exact(values, q);
      expect(Math.abs(got - want) / want).toBeLessThanOrEqual(0.0101);
    }
  });

  it('keeps a bounded number of buckets however many samples it sees', () => {
    const h = new BoundedHistogram();
    for (let i = 0; i < 1_000_000; i++) h.record((i % 100_000) + 0.5);
    expect(h.count).toBe(1_000_000);
    // 0.5 … 100,000 spans ~610 buckets at 1% accuracy; a million samples add none.
    expect(h.size).toBeLessThan(700);
  });

  it('handles zeros, negatives and non-finite values', () => {
    const h = new BoundedHistogram();
    h.record(0);
    h.record(0);
    h.record(Number.NaN);
    h.record(10);
    const s = h.summary();
    expect(s.count).toBe(3);
    expect(s.p50).toBe(0);
    expect(s.max).toBe(10);
    expect(Math.abs(s.p99 - 10) / 10).toBeLessThanOrEqual(0.01);
    expect(new BoundedHistogram().summary()).toEqual({
      count: 0,
      sum: 0,
      avg: 0,
      p50: 0,
      p95: 0,
      p99: 0,
      max: 0,
    });
  });
});
