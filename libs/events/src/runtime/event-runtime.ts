import crypto from 'node:crypto';
import os from 'node:os';
import {
  Inject,
  Injectable,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { DATABASE_URL, DatabaseListener } from '@dailies/db';
import { Subscription } from 'rxjs';
import type { DomainEvent } from '../domain-event';
import { EventRegistry } from '../event-registry';
import { CommittedBatch, EVENT_REGISTRY, UnitOfWork } from '../unit-of-work';
import { Broadcaster } from './broadcaster';
import { ClaimerLock } from './claimer-lock';
import { ConsumerDirectory } from './consumer-directory';
import { ConsumerWorker, Delivery } from './consumer-worker';
import { DeliveryNotice, DeliveryNotifications } from './delivery-notifications';
import { DeliveryOutcomes } from './delivery-outcomes';
import { DeliveryStore } from './delivery-store';
import {
  DEAD_LETTER_REPORTER,
  DeadLetterReporter,
  EVENT_RUNTIME_OPTIONS,
  EventRuntimeOptions,
  ResolvedRuntimeOptions,
  resolveRuntimeOptions,
} from './event-runtime-options';
import { ProcessedEvents } from './processed-events';
import { nestRuntimeLog, RuntimeLog } from './runtime-log';

type RuntimeState = 'new' | 'running' | 'stopping' | 'stopped';

/**
 * The durable consumer runtime of one process. After a commit it hands the new events from
 * memory to its consumers' lanes (the fast path: the delivery rows were written leased to this
 * instance); everything else — retries, deliveries of crashed or other instances, ordered
 * consumers, redrives and replays — it claims from `event_deliveries`. Starts when the Nest
 * application has booted and stops (handing back unstarted work) when it shuts down.
 */
@Injectable()
export class EventRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  readonly options: ResolvedRuntimeOptions;
  readonly store: DeliveryStore;
  private readonly workers = new Map<string, ConsumerWorker>();
  private readonly broadcaster = new Broadcaster<Delivery>((d) => d.event.eventName);
  private readonly outcomes: DeliveryOutcomes;
  private notifications: DeliveryNotifications | undefined;
  private claimerLock: ClaimerLock | undefined;
  private ownListener: DatabaseListener | undefined;
  private readonly subscriptions = new Subscription();
  private state: RuntimeState = 'new';
  private committed: CommittedBatch[] = [];
  private committedFlushScheduled = false;
  private readonly log: RuntimeLog = nestRuntimeLog();

  constructor(
    @Inject(EVENT_RUNTIME_OPTIONS) options: EventRuntimeOptions,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    private readonly directory: ConsumerDirectory,
    @Inject(EVENT_REGISTRY) private readonly registry: EventRegistry,
    private readonly unitOfWork: UnitOfWork,
    private readonly processed: ProcessedEvents,
    @Optional() private listener?: DatabaseListener,
    @Optional()
    @Inject(DEAD_LETTER_REPORTER)
    private readonly deadLetterReporter?: DeadLetterReporter,
  ) {
    this.options = resolveRuntimeOptions(options, defaultInstanceId);
    this.store = new DeliveryStore(databaseUrl, this.options.poolSize);
    this.outcomes = new DeliveryOutcomes(
      this.store,
      this.instanceId,
      {
        // Ordered consumers: the next delivery of each aggregate is due now.
        acked: (keys) => this.wake(keys.map((k) => k.consumer).filter((c) => this.isOrdered(c))),
        failed: (failures) => {
          for (const f of failures) if (!f.dead) this.workers.get(f.consumer)?.wakeAfter(f.delayMs);
        },
        released: (keys) => this.wake(keys.map((k) => k.consumer)),
      },
      this.log,
    );
  }

  get instanceId(): string {
    return this.options.instanceId;
  }

  get running(): boolean {
    return this.state === 'running';
  }

  /** True while this instance's claims are tied to a live database session (claimer-lock.ts). */
  get claimerLockHeld(): boolean {
    return this.claimerLock?.held ?? false;
  }

  /** The workers of this instance (none when it does not deliver). */
  consumerWorkers(): readonly ConsumerWorker[] {
    return [...this.workers.values()];
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  async start(): Promise<void> {
    if (this.state !== 'new') return;
    this.state = 'running';
    // Read (and validate) the consumers now, so that a misconfigured one fails the boot rather
    // than the first commit.
    const consumers = this.directory.all();
    if (!this.options.deliver) return;
    const env = {
      owner: this.instanceId,
      leaseMs: this.options.leaseMs,
      claimBatchSize: this.options.claimBatchSize,
      sweepIntervalMs: this.options.sweepIntervalMs,
      store: this.store,
      outcomes: this.outcomes,
      registry: this.registry,
      processed: this.processed,
      log: this.log,
      onDeadLetter: this.deadLetterReporter,
    };
    for (const entry of consumers) {
      const worker = new ConsumerWorker(entry, env);
      this.workers.set(worker.name, worker);
      // Ordered consumers always go through a claim, which checks per-aggregate order.
      if (!entry.settings.orderedBySubject)
        this.broadcaster.attach(worker.lane, entry.settings.events);
    }
    if (this.workers.size === 0) return;
    // Before the first lease is written: from now on our leases live as long as this session.
    this.claimerLock = new ClaimerLock(this.databaseUrl, this.instanceId, this.log);
    await this.claimerLock.start();
    this.subscriptions.add(
      this.unitOfWork.committedBatches$.subscribe((batch) => this.onCommitted(batch)),
    );
    this.directory.setFastPath({ owner: this.instanceId, leaseMs: this.options.leaseMs });
    for (const worker of this.workers.values()) worker.start();
    // Outside Nest's DatabaseModule (a bare runtime), a listener of its own.
    if (!this.listener) this.ownListener = this.listener = new DatabaseListener(this.databaseUrl);
    this.notifications = new DeliveryNotifications(this.listener);
    this.subscriptions.add(
      this.notifications.notices$.subscribe((notice) => this.onNotice(notice)),
    );
    // Connecting announces "everything", which also picks up what a crash left behind.
    await this.notifications.start();
  }

  /**
   * Stops claiming, hands back buffered deliveries, waits up to shutdownGraceMs for those in
   * flight (then aborts their signals), writes the outcomes and closes the connections.
   */
  async stop(): Promise<void> {
    if (this.state === 'stopping' || this.state === 'stopped') return;
    const wasRunning = this.state === 'running';
    this.state = 'stopping';
    if (wasRunning && this.workers.size > 0) {
      this.directory.setFastPath(null);
      this.subscriptions.unsubscribe();
      this.flushCommitted();
      for (const worker of this.workers.values()) worker.stop();
      const idle = Promise.all([...this.workers.values()].map((w) => w.lane.whenIdle()));
      if (!(await settlesWithin(idle, this.options.shutdownGraceMs))) {
        const left = [...this.workers.values()].reduce((n, w) => n + w.lane.inFlight, 0);
        this.log.warn(`Stopping with ${left} deliveries in flight; they will be redelivered`);
        for (const worker of this.workers.values()) worker.abortInFlight();
        // Handlers that honour their signal end now and record the attempt as failed.
        await settlesWithin(idle, 100);
      }
      await this.outcomes.close();
      await this.notifications?.stop();
      await this.ownListener?.stop();
      await this.claimerLock?.stop();
      // What we handed back can be taken by other instances now rather than at their sweep.
      await this.store.announce('*').catch(() => undefined);
    }
    await this.store.end();
    this.state = 'stopped';
  }

  /** Makes this instance's workers for these consumers look for due deliveries now. */
  wake(consumers: readonly string[] | '*'): void {
    if (this.state !== 'running') return;
    if (consumers === '*') {
      for (const worker of this.workers.values()) worker.wake();
      return;
    }
    for (const name of new Set(consumers)) this.workers.get(name)?.wake();
  }

  private isOrdered(consumer: string): boolean {
    return this.workers.get(consumer)?.settings.orderedBySubject ?? false;
  }

  private onNotice(notice: DeliveryNotice): void {
    // Our own commits have woken our workers already.
    if (notice.from !== this.instanceId) this.wake(notice.consumers);
  }

  private onCommitted(batch: CommittedBatch): void {
    // Leave the committing request's call stack: consumers start on a later turn of the loop,
    // and commits of the same turn are handed over together.
    this.committed.push(batch);
    if (this.committedFlushScheduled) return;
    this.committedFlushScheduled = true;
    setImmediate(() => this.flushCommitted());
  }

  private flushCommitted(): void {
    this.committedFlushScheduled = false;
    const batches = this.committed;
    this.committed = [];
    const ordered = new Set<string>();
    for (const { events, leasedBy } of batches) {
      const ours = leasedBy === this.instanceId;
      for (const event of events) {
        if (ours && this.state !== 'running') this.handBack(event);
        else if (ours) this.broadcaster.publish(fresh(event));
        for (const { settings } of this.directory.subscribersOf(event.eventName)) {
          if (settings.orderedBySubject) ordered.add(settings.name);
        }
      }
    }
    if (ordered.size > 0) this.wake([...ordered]);
  }

  /** Releases the leases of a commit that arrived while stopping. */
  private handBack(event: DomainEvent): void {
    for (const { settings } of this.directory.subscribersOf(event.eventName)) {
      if (!settings.orderedBySubject) this.outcomes.release(settings.name, event.id);
    }
  }
}

function fresh(event: DomainEvent): Delivery {
  return { event, attempt: 1, scheduledAt: event.occurredAt.getTime() };
}

function defaultInstanceId(): string {
  return `${os.hostname()}/${process.pid}/${crypto.randomBytes(3).toString('hex')}`;
}

/** True when the promise settled within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true as const), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
