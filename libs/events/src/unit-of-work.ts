import { Inject, Injectable, Optional } from '@nestjs/common';
import { PrismaService, Tx } from '@dailies/db';
import { Observable, Subject } from 'rxjs';
import { DomainEvent } from './domain-event';
import { EventRegistry } from './event-registry';
import { requestContext } from './request-context';
import { ConsumerDirectory } from './runtime/consumer-directory';
import { writeOutbox } from './runtime/write-outbox';

export const EVENT_REGISTRY = Symbol('EVENT_REGISTRY');

/** Collects the events a command raises while its transaction is open. */
export class EventRecorder {
  private readonly recorded: DomainEvent[] = [];

  record(...events: DomainEvent[]): void {
    this.recorded.push(...events);
  }

  get events(): readonly DomainEvent[] {
    return this.recorded;
  }
}

/** The events of one committed transaction, and the runtime their fast-path deliveries are leased to. */
export interface CommittedBatch {
  readonly events: readonly DomainEvent[];
  /** The event runtime (instance id) that may run these deliveries from memory; null: none. */
  readonly leasedBy: string | null;
}

export interface TransactionOptions {
  isolationLevel?: 'ReadCommitted' | 'RepeatableRead' | 'Serializable';
  timeoutMs?: number;
}

/**
 * The write path's transaction: the change and its events commit together (the transactional
 * outbox) or not at all. After commit the events are announced on `committed$`, which the event
 * runtime fans out to consumers; the outbox row is what makes delivery survive a crash.
 */
@Injectable()
export class UnitOfWork {
  private readonly committed = new Subject<readonly DomainEvent[]>();
  readonly committed$: Observable<readonly DomainEvent[]> = this.committed.asObservable();
  private readonly batches = new Subject<CommittedBatch>();
  /** What the event runtime listens to: like committed$, plus who holds the deliveries' lease. */
  readonly committedBatches$: Observable<CommittedBatch> = this.batches.asObservable();

  constructor(
    private readonly prisma: PrismaService,
    @Inject(EVENT_REGISTRY) private readonly registry: EventRegistry,
    /** Which consumers get which events; without it no delivery rows are written. */
    @Optional() private readonly consumers?: ConsumerDirectory,
  ) {}

  async run<T>(
    work: (tx: Tx, events: EventRecorder) => Promise<T>,
    options: TransactionOptions = {},
  ): Promise<T> {
    const recorder = new EventRecorder();
    const context = requestContext.current();
    let leasedBy: string | null = null;
    const result = await this.prisma.$transaction(
      async (tx) => {
        const value = await work(tx, recorder);
        if (recorder.events.length > 0) {
          const rows = recorder.events.map((event) => {
            const stored = this.registry.toStored(event);
            return {
              ...stored,
              requestId: stored.requestId ?? context.requestId ?? null,
              ip: stored.ip ?? context.ip ?? null,
            };
          });
          // The events and their delivery rows, in this transaction: whatever commits here is
          // delivered to every consumer, even after a crash.
          leasedBy = await writeOutbox(tx, rows, this.consumers);
        }
        return value;
      },
      {
        isolationLevel: options.isolationLevel,
        timeout: options.timeoutMs ?? 15_000,
        maxWait: 10_000,
      },
    );
    if (recorder.events.length > 0) {
      this.committed.next(recorder.events);
      this.batches.next({ events: recorder.events, leasedBy });
    }
    return result;
  }
}
