/** How a lost database connection (LISTEN, claimer lock) is re-established. */
export interface ReconnectBackoff {
  /** Wait before the first retry. */
  initialDelayMs: number;
  /** Each further failed attempt multiplies the wait by this. */
  multiplier: number;
  /** The wait never grows beyond this. */
  maxDelayMs: number;
  /** Share of each wait that is random (0 – 1): instances that lost PostgreSQL together spread out. */
  jitter: number;
}

export const DEFAULT_RECONNECT_BACKOFF: ReconnectBackoff = {
  initialDelayMs: 250,
  multiplier: 2,
  maxDelayMs: 10_000,
  jitter: 0.5,
};

/**
 * The wait before reconnect attempt `attempt` (1-based): initial × multiplier^(attempt − 1),
 * capped, minus a random share of up to `jitter` of it. `random` is Math.random's contract
 * (tests pass their own).
 */
export function reconnectDelayMs(
  attempt: number,
  backoff: ReconnectBackoff = DEFAULT_RECONNECT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, attempt - 1);
  const base = Math.min(
    backoff.maxDelayMs,
    backoff.initialDelayMs * backoff.multiplier ** exponent,
  );
  return Math.round(base * (1 - backoff.jitter * random()));
}
