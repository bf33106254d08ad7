export const EVENT_RUNTIME_OPTIONS = Symbol('EVENT_RUNTIME_OPTIONS');

/**
 * Told when a consumer gives up on an event (its last attempt failed): the platform provides it
 * (globally) to report the error as uncaught (libs/alerting). Optional.
 */
export const DEAD_LETTER_REPORTER = Symbol('DEAD_LETTER_REPORTER');
export type DeadLetterReporter = (consumer: string, eventId: string, error: unknown) => void;

export interface EventRuntimeOptions {
  /**
   * Run the consumers in this process (default true). With false the process only records
   * deliveries when it commits (and announces them); other instances run them.
   */
  deliver?: boolean;
  /** This instance's name in leases (default host/pid/random). Must be unique per process. */
  instanceId?: string;
  /**
   * How long a claimed delivery stays reserved for this instance (default 60 s). Keep it above
   * every consumer's timeout plus its time in the buffer: a lease that runs out mid-delivery
   * lets another instance start the same delivery (harmless for idempotent consumers).
   */
  leaseMs?: number;
  /** Period of each consumer's sweep for retries, expired leases and missed notices (1 s). */
  sweepIntervalMs?: number;
  /** Most deliveries one claim takes (default 100). */
  claimBatchSize?: number;
  /** At shutdown, how long to wait for in-flight deliveries (default 10 s). */
  shutdownGraceMs?: number;
  /** Readiness turns 'degraded' when a consumer's oldest pending delivery is older (60 s). */
  maxLagMs?: number;
  /** Connections of the runtime's own pool (default 4), plus one for LISTEN. */
  poolSize?: number;
}

export type ResolvedRuntimeOptions = Required<EventRuntimeOptions>;

export function resolveRuntimeOptions(
  options: EventRuntimeOptions,
  defaultInstanceId: () => string,
): ResolvedRuntimeOptions {
  const resolved: ResolvedRuntimeOptions = {
    deliver: options.deliver ?? true,
    instanceId: options.instanceId ?? defaultInstanceId(),
    leaseMs: options.leaseMs ?? 60_000,
    sweepIntervalMs: options.sweepIntervalMs ?? 1_000,
    claimBatchSize: options.claimBatchSize ?? 100,
    shutdownGraceMs: options.shutdownGraceMs ?? 10_000,
    maxLagMs: options.maxLagMs ?? 60_000,
    poolSize: options.poolSize ?? 4,
  };
  for (const key of ['leaseMs', 'sweepIntervalMs', 'claimBatchSize', 'poolSize'] as const) {
    if (!(resolved[key] > 0)) throw new Error(`EventRuntimeOptions.${key} must be > 0`);
  }
  return resolved;
}
