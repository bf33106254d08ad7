import { backoffDelayMs } from './backoff';
import { DEFAULT_RETRY_POLICY } from './consumer-settings';

const policy = {
  maxAttempts: 10,
  initialDelayMs: 100,
  multiplier: 2,
  maxDelayMs: 1_000,
  jitter: 0.5,
};

describe('backoffDelayMs', () => {
  it('grows exponentially from the initial delay up to the cap (no randomness drawn)', () => {
    const upper = (attempt: number) => backoffDelayMs(policy, attempt, () => 0);
    expect([1, 2, 3, 4, 5, 6].map(upper)).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('takes off at most the jitter share of the delay', () => {
    const lower = (attempt: number) => backoffDelayMs(policy, attempt, () => 0.999_999);
    expect([1, 2, 3, 5].map(lower)).toEqual([50, 100, 200, 500]);
  });

  it('stays within [d × (1 − jitter), d] for random draws, and spreads', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) {
      const delay = backoffDelayMs(policy, 3);
      expect(delay).toBeGreaterThanOrEqual(200);
      expect(delay).toBeLessThanOrEqual(400);
      seen.add(delay);
    }
    expect(seen.size).toBeGreaterThan(50);
  });

  it('is exact without jitter and full-range with jitter 1', () => {
    expect(backoffDelayMs({ ...policy, jitter: 0 }, 2, Math.random)).toBe(200);
    expect(backoffDelayMs({ ...policy, jitter: 1 }, 2, () => 0.999_999)).toBe(0);
    expect(backoffDelayMs({ ...policy, jitter: 1 }, 2, () => 0)).toBe(200);
  });

  it('survives long retry runs (no overflow to NaN or Infinity)', () => {
    expect(backoffDelayMs(policy, 5_000, () => 0)).toBe(1_000);
    expect(backoffDelayMs({ ...policy, initialDelayMs: 0 }, 5_000, () => 0)).toBe(0);
    expect(backoffDelayMs(DEFAULT_RETRY_POLICY, 2_000, () => 0)).toBe(
      DEFAULT_RETRY_POLICY.maxDelayMs,
    );
  });
});
