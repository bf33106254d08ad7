import type { RetryPolicy } from './consumer';

/**
 * How long to wait after failed attempt number `attempt` (1-based) before the next one:
 * initialDelay × multiplier^(attempt − 1), capped at maxDelay, of which the `jitter` share is
 * random. `random` returns a number in [0, 1) like Math.random (tests pass their own).
 */
export function backoffDelayMs(
  policy: Readonly<RetryPolicy>,
  attempt: number,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, attempt - 1);
  // multiplier ** exponent overflows to Infinity for long retry runs; 0 × Infinity would be NaN.
  const grown =
    policy.initialDelayMs === 0 ? 0 : policy.initialDelayMs * policy.multiplier ** exponent;
  const base = Math.min(policy.maxDelayMs, grown);
  return Math.round(base * (1 - policy.jitter * random()));
}
