import { Inject, Injectable, OnModuleDestroy, Optional } from '@nestjs/common';
import { isRetryableTransactionError, PreparedStatements, PrismaService, Tx } from '@dailies/db';
import type { QueryResultRow } from 'pg';
import { Observable, Subject } from 'rxjs';
import { DomainEvent, EventClass } from './domain-event';
import { EventRegistry } from './event-registry';
import { RequestContext, requestContext } from './request-context';
import { ConsumerDirectory } from './runtime/consumer-directory';
import { changeWithOutbox, OneStatementChange } from './runtime/change-with-outbox';
import { announceStatement, DeliveryAnnouncer } from './runtime/delivery-announcer';
import { OutboxPlan, planOutbox, writeOutbox } from './runtime/write-outbox';

export const EVENT_REGISTRY = Symbol('EVENT_REGISTRY');

/** Runs of a transaction that lost a race (deadlock, serialization failure), the first included. */
const MAX_ATTEMPTS = 3;

/**
 * Collects the events a command raises while its transaction is open, stamped with the request
 * they came from (request id, IP) — so the events consumers get from memory after commit carry
 * the same facts as the stored outbox rows.
 */
export class EventRecorder {
  private readonly recorded: DomainEvent[] = [];

  constructor(private readonly context: RequestContext = {}) {}

  record(...events: DomainEvent[]): void {
    for (const event of events) this.recorded.push(withRequestContext(event, this.context));
  }

  get events(): readonly DomainEvent[] {
    return this.recorded;
  }
}

/** The event, or a copy of it (same id and time) that carries the request's id and IP. */
function withRequestContext(event: DomainEvent, context: RequestContext): DomainEvent {
  const requestId = event.requestId ?? context.requestId ?? null;
  const ip = event.ip ?? context.ip ?? null;
  if (requestId === event.requestId && ip === event.ip) return event;
  const Class = event.constructor as EventClass;
  return new Class({
    id: event.id,
    occurredAt: event.occurredAt,
    actor: event.actor,
    subject: event.subject,
    payload: event.payload as never,
    accountId: event.accountId,
    teamId: event.teamId,
    projectId: event.projectId,
    requestId,
    ip,
  });
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
export class UnitOfWork implements OnModuleDestroy {
  private readonly committed = new Subject<readonly DomainEvent[]>();
  readonly committed$: Observable<readonly DomainEvent[]> = this.committed.asObservable();
  private readonly batches = new Subject<CommittedBatch>();
  private statements?: PreparedStatements;
  private announcer?: DeliveryAnnouncer;
  /** What the event runtime listens to: like committed$, plus who holds the deliveries' lease. */
  readonly committedBatches$: Observable<CommittedBatch> = this.batches.asObservable();

  constructor(
    private readonly prisma: PrismaService,
    @Inject(EVENT_REGISTRY) private readonly registry: EventRegistry,
    /** Which consumers get which events; without it no delivery rows are written. */
    @Optional() private readonly consumers?: ConsumerDirectory,
  ) {}

  /**
   * Runs `work` in a transaction and commits its events with it. A transaction that loses a race
   * (deadlock, serialization failure) did nothing, so it is run again — up to
   * MAX_ATTEMPTS times, with a short jittered pause — before the error reaches the caller.
   */
  async run<T>(
    work: (tx: Tx, events: EventRecorder) => Promise<T>,
    options: TransactionOptions = {},
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(work, options);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryableTransactionError(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
      }
    }
  }

  /**
   * The one-statement variant of `run`, for hot commands whose change is one SQL statement (with
   * companions): `work` reads what it needs (plain reads, outside any transaction, as READ
   * COMMITTED would see them inside one), records the events and returns the change; the change
   * and its outbox rows are then sent as ONE statement — atomic by itself, so no BEGIN/COMMIT —
   * as a named prepared statement on plain `pg`. Answers the change's rows; no rows means nothing
   * was changed and no event was written or announced.
   */
  async runInOneStatement<R extends QueryResultRow>(
    work: (events: EventRecorder) => Promise<OneStatementChange> | OneStatementChange,
  ): Promise<R[]> {
    const context = requestContext.current();
    const recorder = new EventRecorder(context);
    const change = await work(recorder);
    const stored = recorder.events.map((event) => this.toStoredRow(event, context));
    const plan = planOutbox(stored, this.consumers);
    const statement = changeWithOutbox(change, plan);
    for (let attempt = 1; ; attempt++) {
      try {
        const rows = await this.preparedStatements().query<R>(statement);
        if (rows.length > 0 && recorder.events.length > 0) this.afterCommit(recorder.events, plan);
        return rows;
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryableTransactionError(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
      }
    }
  }

  /**
   * Resolves once the deliveries of every commit so far have been announced to the other
   * instances (tests and shutdown; the announcement never delays a command).
   */
  async announced(): Promise<void> {
    await this.announcer?.whenIdle();
  }

  async onModuleDestroy(): Promise<void> {
    await this.announced();
  }

  /** Hands the committed events to this process's consumers and announces the others' work. */
  private afterCommit(events: readonly DomainEvent[], plan: OutboxPlan): void {
    this.committed.next(events);
    this.batches.next({ events, leasedBy: plan.leasedBy });
    const { from, consumers } = plan.announce;
    if (consumers.length === 0) return;
    this.announcer ??= new DeliveryAnnouncer(async (notice) => {
      await this.preparedStatements().query(announceStatement(notice));
    });
    this.announcer.announce(from, consumers);
  }

  private preparedStatements(): PreparedStatements {
    return (this.statements ??= new PreparedStatements(this.prisma));
  }

  private toStoredRow(event: DomainEvent, context: RequestContext) {
    const stored = this.registry.toStored(event);
    return {
      ...stored,
      requestId: stored.requestId ?? context.requestId ?? null,
      ip: stored.ip ?? context.ip ?? null,
    };
  }

  private async attempt<T>(
    work: (tx: Tx, events: EventRecorder) => Promise<T>,
    options: TransactionOptions,
  ): Promise<T> {
    const context = requestContext.current();
    const recorder = new EventRecorder(context);
    const { value, plan } = await this.prisma.$transaction(
      async (tx) => {
        const value = await work(tx, recorder);
        if (recorder.events.length === 0) return { value, plan: null };
        const rows = recorder.events.map((event) => this.toStoredRow(event, context));
        // The events and their delivery rows, in this transaction: whatever commits here is
        // delivered to every consumer, even after a crash.
        return { value, plan: await writeOutbox(tx, rows, this.consumers) };
      },
      {
        isolationLevel: options.isolationLevel,
        timeout: options.timeoutMs ?? 15_000,
        maxWait: 10_000,
      },
    );
    if (plan) this.afterCommit(recorder.events, plan);
    return value;
  }
}
