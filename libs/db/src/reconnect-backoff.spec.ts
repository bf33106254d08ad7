import { DEFAULT_RECONNECT_BACKOFF, reconnectDelayMs } from './reconnect-backoff';

describe('reconnectDelayMs', () => {
  const noJitter = () => 0;

  it('doubles from 250 ms up to the 10 s cap', () => {
    const schedule = Array.from({ length: 9 }, (_, i) =>
      reconnectDelayMs(i + 1, undefined, noJitter),
    );
    expect(schedule).toEqual([250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it('never overflows on very long outages', () => {
    expect(reconnectDelayMs(5_000, undefined, noJitter)).toBe(10_000);
  });

  it('takes up to half of each wait off at random, so instances spread out', () => {
    expect(reconnectDelayMs(3, undefined, () => 0.999_999)).toBe(500);
    expect(reconnectDelayMs(3, undefined, () => 0.5)).toBe(750);
    const waits = new Set(Array.from({ length: 50 }, () => reconnectDelayMs(6)));
    expect(waits.size).toBeGreaterThan(10);
    for (const wait of waits) {
      expect(wait).toBeGreaterThan(4000);
      expect(wait).toBeLessThanOrEqual(8000);
    }
  });

  it('honours another schedule', () => {
    const fast = { ...DEFAULT_RECONNECT_BACKOFF, initialDelayMs: 10, maxDelayMs: 40 };
    expect([1, 2, 3, 4].map((a) => reconnectDelayMs(a, fast, noJitter))).toEqual([10, 20, 40, 40]);
  });
});
