import { defer, exhaustMap, map, merge, Subject, Subscription, tap, timer } from 'rxjs';
import type { DomainEvent } from '../domain-event';
import type { EventRegistry } from '../event-registry';
import { backoffDelayMs } from './backoff';
import type { RegisteredConsumer } from './consumer-directory';
import { ConsumerMetrics } from './consumer-metrics';
import type { ConsumerSettings } from './consumer-settings';
import { DeliveryTimeoutError, describeError, RuntimeDeliveryContext } from './delivery-context';
import type { DeliveryOutcomes } from './delivery-outcomes';
import type { ClaimedDelivery, DeliveryStore } from './delivery-store';
import { Lane } from './lane';
import type { ProcessedEvents } from './processed-events';
import type { RuntimeLog } from './runtime-log';

/** One event on its way to one consumer (the fast path shares it between consumers). */
export interface Delivery {
  readonly event: DomainEvent;
  /** 1-based; attempts started so far, this one included. */
  readonly attempt: number;
  /** When it was committed (or redriven, replayed), epoch ms: the start of end-to-end latency. */
  readonly scheduledAt: number;
}

export interface WorkerEnvironment {
  readonly owner: string;
  readonly leaseMs: number;
  readonly claimBatchSize: number;
  readonly sweepIntervalMs: number;
  readonly store: DeliveryStore;
  readonly outcomes: DeliveryOutcomes;
  readonly registry: EventRegistry;
  readonly processed: ProcessedEvents | undefined;
  readonly log: RuntimeLog;
  readonly onDeadLetter?: (consumer: string, eventId: string, error: unknown) => void;
}

// Retry wake-ups are grouped into slots this wide, so a burst of failures sets few timers.
const RETRY_SLOT_MS = 25;

/**
 * Runs one consumer in this instance: its lane (bounded concurrency and buffer), the claims that
 * fill the lane from the database (when woken, and on a periodic sweep), the per-delivery
 * timeout, and the outcome of every attempt.
 */
export class ConsumerWorker {
  readonly settings: ConsumerSettings;
  readonly lane: Lane<Delivery>;
  readonly metrics = new ConsumerMetrics();
  private readonly wakes = new Subject<'wake' | 'sweep'>();
  private claims: Subscription | undefined;
  /** Someone asked for a claim since the last one began. */
  private wanted = false;
  /** The last claim stopped because the lane was full: claim again when a slot frees up. */
  private starved = false;
  private stopping = false;
  private readonly retryTimers = new Map<number, NodeJS.Timeout>();
  private readonly running = new Set<RuntimeDeliveryContext>();

  constructor(
    private readonly entry: RegisteredConsumer,
    private readonly env: WorkerEnvironment,
  ) {
    this.settings = entry.settings;
    this.lane = new Lane<Delivery>({
      concurrency: this.settings.concurrency,
      bufferSize: this.settings.bufferSize,
      handle: this.execute,
      onRefused: (delivery) => {
        this.metrics.overflowed++;
        this.env.outcomes.release(this.name, delivery.event.id);
      },
      onRoom: () => {
        if (this.starved) {
          this.starved = false;
          this.wake();
        }
      },
    });
  }

  get name(): string {
    return this.settings.name;
  }

  /** Starts claiming: on wake-ups, and on a sweep (retries, expired leases, other instances). */
  start(): void {
    const interval = this.env.sweepIntervalMs;
    // A random phase keeps the sweeps of many consumers and instances from coinciding.
    const sweeps$ = timer(Math.random() * interval, interval).pipe(map(() => 'sweep' as const));
    this.claims = merge(this.wakes, sweeps$)
      .pipe(
        tap(() => (this.wanted = true)),
        // One claim at a time; wake-ups meanwhile set `wanted`, which makes it claim again.
        exhaustMap((reason) => defer(() => this.claimWhileWanted(reason === 'sweep'))),
      )
      .subscribe();
  }

  /** Look for due deliveries now. */
  wake(): void {
    if (!this.stopping) this.wakes.next('wake');
  }

  /** A retry falls due after `delayMs`: wake up then rather than at the next sweep. */
  wakeAfter(delayMs: number): void {
    if (this.stopping) return;
    const slot = Math.ceil((Date.now() + delayMs) / RETRY_SLOT_MS) * RETRY_SLOT_MS;
    if (this.retryTimers.has(slot)) return;
    const handle = setTimeout(() => {
      this.retryTimers.delete(slot);
      this.wake();
    }, slot - Date.now());
    handle.unref();
    this.retryTimers.set(slot, handle);
  }

  /** Stops claiming and hands back what has not started; in-flight deliveries go on. */
  stop(): void {
    this.stopping = true;
    this.claims?.unsubscribe();
    this.wakes.complete();
    for (const handle of this.retryTimers.values()) clearTimeout(handle);
    this.retryTimers.clear();
    for (const delivery of this.lane.takeBuffered()) {
      this.env.outcomes.release(this.name, delivery.event.id);
    }
  }

  /** Signals the handlers still running to give up (after the shutdown grace period). */
  abortInFlight(): void {
    for (const ctx of this.running) ctx.abort(new Error('The process is stopping'));
  }

  private async claimWhileWanted(sweep: boolean): Promise<void> {
    try {
      if (sweep) this.metrics.deadLettered += await this.env.store.buryAbandoned(this.settings);
      while (this.wanted && !this.stopping) {
        this.wanted = false;
        const room = this.lane.room;
        if (room <= 0) {
          this.starved = true;
          return;
        }
        const limit = Math.min(room, this.env.claimBatchSize);
        const claimed = await this.env.store.claim(
          this.settings,
          this.env.owner,
          this.env.leaseMs,
          limit,
        );
        for (const delivery of claimed) this.accept(delivery);
        if (claimed.length === limit) this.wanted = true;
      }
    } catch (error) {
      this.wanted = false;
      this.env.log.warn(`Consumer "${this.name}" could not claim deliveries: ${String(error)}`);
    } finally {
      // A wake-up that came in just as this claim ended was dropped by exhaustMap: re-arm it.
      if (this.wanted && !this.stopping) setImmediate(() => this.wake());
    }
  }

  private accept(claimed: ClaimedDelivery): void {
    if (this.stopping) {
      this.env.outcomes.release(this.name, claimed.eventId);
      return;
    }
    // The event row has been deleted: there is nothing left to deliver.
    if (claimed.event === null) {
      this.env.outcomes.ack(this.name, claimed.eventId);
      return;
    }
    let event: DomainEvent;
    try {
      event = this.env.registry.fromStored(claimed.event);
    } catch (error) {
      // Unknown name, missing upcaster, invalid payload: retried (a deploy may fix it), then dead.
      this.failed(claimed.eventId, claimed.attempt, error);
      return;
    }
    this.lane.offer({ event, attempt: claimed.attempt, scheduledAt: claimed.scheduledAt });
  }

  private readonly execute = async (delivery: Delivery): Promise<void> => {
    const { event, attempt } = delivery;
    const { timeoutMs, retry } = this.settings;
    const ctx = new RuntimeDeliveryContext(
      this.name,
      event.id,
      attempt,
      retry.maxAttempts,
      this.env.processed,
    );
    this.running.add(ctx);
    const started = performance.now();
    let timeout: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.entry.consumer.handle(event, ctx),
        new Promise<never>((_, reject) => {
          timeout = setTimeout(() => {
            const error = new DeliveryTimeoutError(this.name, timeoutMs);
            ctx.abort(error);
            reject(error);
          }, timeoutMs);
          // A hung handler must not keep the process alive.
          timeout.unref();
        }),
      ]);
      this.metrics.delivered++;
      this.metrics.handling.record(performance.now() - started);
      this.metrics.endToEnd.record(Date.now() - delivery.scheduledAt);
      this.env.outcomes.ack(this.name, event.id);
    } catch (error) {
      if (error instanceof DeliveryTimeoutError) this.metrics.timedOut++;
      this.metrics.handling.record(performance.now() - started);
      this.failed(event.id, attempt, error);
    } finally {
      clearTimeout(timeout);
      this.running.delete(ctx);
    }
  };

  private failed(eventId: string, attempt: number, error: unknown): void {
    const dead = attempt >= this.settings.retry.maxAttempts;
    this.metrics.failed++;
    if (dead) {
      this.metrics.deadLettered++;
      this.env.log.warn(
        `Consumer "${this.name}" gave up on event ${eventId} after ${attempt} attempts: ${String(error)}`,
      );
      this.env.onDeadLetter?.(this.name, eventId, error);
    } else {
      this.metrics.retried++;
    }
    this.env.outcomes.fail({
      consumer: this.name,
      eventId,
      dead,
      delayMs: dead ? 0 : backoffDelayMs(this.settings.retry, attempt),
      error: describeError(error),
    });
  }
}
