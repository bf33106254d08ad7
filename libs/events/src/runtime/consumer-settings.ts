import type { ConsumerOptions, EventSelection, RetryPolicy } from './consumer';

/** A consumer's options with every default filled in and checked. */
export interface ConsumerSettings {
  readonly name: string;
  readonly events: EventSelection;
  readonly concurrency: number;
  readonly bufferSize: number;
  readonly retry: Readonly<RetryPolicy>;
  readonly timeoutMs: number;
  readonly orderedBySubject: boolean;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxAttempts: 8,
  initialDelayMs: 1_000,
  multiplier: 2,
  maxDelayMs: 5 * 60_000,
  jitter: 0.5,
};

const NAME = /^[a-z][a-z0-9_.-]{0,62}$/;

export class ConsumerOptionsError extends Error {}

export function resolveConsumerSettings(options: ConsumerOptions): ConsumerSettings {
  const { name } = options;
  if (!NAME.test(name)) {
    throw new ConsumerOptionsError(
      `Consumer names look like "audit" or "search-index" (a–z, 0–9, "-", "_", "."), not "${name}"`,
    );
  }
  const fail = (what: string) => new ConsumerOptionsError(`Consumer "${name}": ${what}`);
  const events = options.events;
  if (events !== '*' && (!Array.isArray(events) || events.length === 0)) {
    throw fail('events must be "*" or a non-empty list of event classes');
  }
  const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const settings: ConsumerSettings = {
    name,
    events: events === '*' ? '*' : [...new Set(events.map((e) => e.eventName))].sort(),
    concurrency: options.concurrency ?? 4,
    bufferSize: options.bufferSize ?? 256,
    retry,
    timeoutMs: options.timeoutMs ?? 10_000,
    orderedBySubject: options.orderedBySubject ?? false,
  };
  const positiveIntegers: [string, number][] = [
    ['concurrency', settings.concurrency],
    ['retry.maxAttempts', retry.maxAttempts],
  ];
  for (const [field, value] of positiveIntegers) {
    if (!Number.isInteger(value) || value < 1) throw fail(`${field} must be an integer ≥ 1`);
  }
  if (!Number.isInteger(settings.bufferSize) || settings.bufferSize < 0) {
    throw fail('bufferSize must be an integer ≥ 0');
  }
  if (!(settings.timeoutMs > 0)) throw fail('timeoutMs must be > 0');
  if (!(retry.initialDelayMs >= 0) || !(retry.maxDelayMs >= retry.initialDelayMs)) {
    throw fail('retry delays must satisfy 0 ≤ initialDelayMs ≤ maxDelayMs');
  }
  if (!(retry.multiplier >= 1)) throw fail('retry.multiplier must be ≥ 1');
  if (!(retry.jitter >= 0 && retry.jitter <= 1)) throw fail('retry.jitter must be within 0–1');
  return settings;
}

export function selects(selection: EventSelection, eventName: string): boolean {
  return selection === '*' || selection.includes(eventName);
}
