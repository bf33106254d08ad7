import type { Tx } from '@dailies/db';
import type { DomainEvent, EventClass } from '../domain-event';

/** The event names a consumer wants, or every event (resolved from its event classes). */
export type EventSelection = readonly string[] | '*';

/** The event classes a consumer declares it wants, or every event. */
export type EventClassSelection = readonly EventClass[] | '*';

/** Exponential backoff with jitter between attempts, and when to give up. */
export interface RetryPolicy {
  /** Attempts in all, the first included; after the last one the delivery is dead-lettered. */
  maxAttempts: number;
  /** Delay before the second attempt (before jitter). */
  initialDelayMs: number;
  /** Growth of the delay per attempt. */
  multiplier: number;
  /** Upper bound of the delay (before jitter). */
  maxDelayMs: number;
  /**
   * Share of the delay that is random, 0–1: the delay is drawn from [d × (1 − jitter), d]. Spreads
   * the retries of many deliveries that failed together (e.g. during an outage of their target).
   */
  jitter: number;
}

/** What a consumer declares about itself; everything but its name and events has a default. */
export interface ConsumerOptions {
  /** Stable identifier (stored with every delivery): lower case, digits, `-`, `_`, `.`. */
  name: string;
  /** By class, not by wire name: a renamed or removed event fails to compile here. */
  events: EventClassSelection;
  /** Deliveries handled at the same time by one instance (default 4). */
  concurrency?: number;
  /**
   * Deliveries waiting in memory beyond those in flight (default 256). Whatever does not fit
   * stays in the database and is picked up when there is room: a slow consumer costs memory
   * only up to this bound.
   */
  bufferSize?: number;
  retry?: Partial<RetryPolicy>;
  /** Per delivery; a handler that takes longer counts as failed and is retried (default 10 s). */
  timeoutMs?: number;
  /**
   * Handle the events of one aggregate (subject type + id) one at a time, in commit order. An
   * event is not handed out while an earlier one of its subject is pending (being handled or
   * waiting for a retry); a dead-lettered event no longer holds up the later ones.
   */
  orderedBySubject?: boolean;
}

/** Per-delivery facts and tools for a handler. */
export interface DeliveryContext {
  readonly consumer: string;
  /**
   * The event's id, the same on every delivery of it: the idempotency key for effects outside
   * this database (e.g. an e-mail provider's idempotency header).
   */
  readonly eventId: string;
  /** 1 on the first delivery, counting redeliveries after failures, timeouts and crashes. */
  readonly attempt: number;
  readonly maxAttempts: number;
  /** Aborted when the delivery times out or the process shuts down; pass it to I/O calls. */
  readonly signal: AbortSignal;
  /**
   * Runs `effect` in a transaction together with an idempotency marker (consumer, event id) in
   * `processed_events`: it commits at most once per consumer and event, however often the event
   * is delivered, also when two deliveries of it run at the same time. Resolves to false when
   * the event had already been processed (the effect did not run). See ProcessedEvents.
   */
  once(effect: (tx: Tx) => Promise<void>): Promise<boolean>;
}

/**
 * A consumer of committed events (audit, notifications, search…). Deliveries are at least once:
 * `handle` must be idempotent by event id — use `ctx.once` for database effects, or a unique
 * constraint of your own keyed by the event id. Throwing (or timing out) schedules a retry.
 *
 * In Nest, make the consumer a provider and mark it with `@Consumer()`; EventRuntimeModule finds
 * it. Without Nest, register it with ConsumerDirectory.register.
 */
export interface EventConsumer {
  readonly options: ConsumerOptions;
  handle(event: DomainEvent, ctx: DeliveryContext): Promise<void>;
}
