import { Inject, Injectable } from '@nestjs/common';
import { PrismaService, Tx } from '@dailies/db';
import { Observable, Subject } from 'rxjs';
import { DomainEvent } from './domain-event';
import { EventRegistry } from './event-registry';
import { requestContext } from './request-context';

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

  constructor(
    private readonly prisma: PrismaService,
    @Inject(EVENT_REGISTRY) private readonly registry: EventRegistry,
  ) {}

  async run<T>(
    work: (tx: Tx, events: EventRecorder) => Promise<T>,
    options: TransactionOptions = {},
  ): Promise<T> {
    const recorder = new EventRecorder();
    const context = requestContext.current();
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
              actor: stored.actor as object,
              payload: stored.payload as object,
            };
          });
          await tx.event.createMany({ data: rows });
        }
        return value;
      },
      {
        isolationLevel: options.isolationLevel,
        timeout: options.timeoutMs ?? 15_000,
        maxWait: 10_000,
      },
    );
    if (recorder.events.length > 0) this.committed.next(recorder.events);
    return result;
  }
}
