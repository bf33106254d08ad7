import { Global, Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { DatabaseModule } from '@dailies/db';
import { Client } from 'pg';
import { z } from 'zod';
import { systemActor } from '../../actor';
import { defineEvent, DomainEvent } from '../../domain-event';
import { EventRegistry } from '../../event-registry';
import { EventsModule } from '../../events.module';
import { UnitOfWork } from '../../unit-of-work';
import type { ConsumerOptions, DeliveryContext, EventConsumer } from '../consumer';
import { Consumer } from '../consumer.decorator';
import { DeadLetters } from '../dead-letters';
import { EventReplay } from '../event-replay';
import { EventRuntime } from '../event-runtime';
import {
  DEAD_LETTER_REPORTER,
  type DeadLetterReporter,
  type EventRuntimeOptions,
} from '../event-runtime-options';
import { EventRuntimeModule } from '../event-runtime.module';
import { EventRuntimeStats } from '../event-runtime-stats';

export class WidgetTouched extends defineEvent('widget.touched', 1, z.object({ n: z.number() })) {}
export class GadgetMoved extends defineEvent('gadget.moved', 1, z.object({ seq: z.number() })) {}

export function testRegistry(): EventRegistry {
  return new EventRegistry([WidgetTouched, GadgetMoved]);
}

export interface Handled {
  consumer: string;
  eventId: string;
  eventName: string;
  subjectId: string;
  attempt: number;
  instance: string;
  at: number;
}

export type Behaviour = (event: DomainEvent, ctx: DeliveryContext) => Promise<void>;

/** A consumer whose behaviour a test sets; it records every successful handling. */
@Consumer()
export class TestConsumer implements EventConsumer {
  readonly handled: Handled[] = [];
  /** Calls of handle, including those that failed or hung. */
  calls = 0;
  instance = '?';

  constructor(
    readonly options: ConsumerOptions,
    public behaviour: Behaviour = async () => undefined,
    /** Shared by the same consumer on several instances. */
    readonly log: Handled[] = [],
  ) {}

  async handle(event: DomainEvent, ctx: DeliveryContext): Promise<void> {
    this.calls++;
    await this.behaviour(event, ctx);
    const entry = {
      consumer: ctx.consumer,
      eventId: event.id,
      eventName: event.eventName,
      subjectId: event.subject.id,
      attempt: ctx.attempt,
      instance: this.instance,
      at: Date.now(),
    };
    this.handled.push(entry);
    if (this.log !== this.handled) this.log.push(entry);
  }

  eventIds(): string[] {
    return this.handled.map((h) => h.eventId);
  }
}

export interface TestInstance {
  module: TestingModule;
  uow: UnitOfWork;
  runtime: EventRuntime;
  deadLetters: DeadLetters;
  replay: EventReplay;
  stats: EventRuntimeStats;
  close(): Promise<void>;
}

/** Fast sweeps and small pools, so that tests run quickly and many can share one server. */
export const FAST: EventRuntimeOptions = {
  sweepIntervalMs: 100,
  poolSize: 3,
  shutdownGraceMs: 2_000,
};

/** One "instance": a Nest context with the database, events, the runtime and the consumers. */
export async function startInstance(
  url: string,
  consumers: TestConsumer[],
  options: EventRuntimeOptions = {},
  databasePoolSize = 3,
  /** Told about dead letters, as the platform's alerting is. */
  deadLetterReporter?: DeadLetterReporter,
): Promise<TestInstance> {
  @Global()
  @Module({
    providers: [
      ...consumers.map((c) => ({ provide: `consumer:${c.options.name}`, useValue: c })),
      ...(deadLetterReporter
        ? [{ provide: DEAD_LETTER_REPORTER, useValue: deadLetterReporter }]
        : []),
    ],
    exports: deadLetterReporter ? [DEAD_LETTER_REPORTER] : [],
  })
  class TestConsumersModule {}

  const module = await Test.createTestingModule({
    imports: [
      DatabaseModule.forRoot({ url, poolSize: databasePoolSize }),
      EventsModule.forRoot(testRegistry()),
      EventRuntimeModule.forRoot({ ...FAST, ...options }),
      TestConsumersModule,
    ],
  }).compile();
  module.useLogger(false);
  await module.init();
  const runtime = module.get(EventRuntime);
  for (const c of consumers) c.instance = runtime.instanceId;
  let closed = false;
  return {
    module,
    uow: module.get(UnitOfWork),
    runtime,
    deadLetters: module.get(DeadLetters),
    replay: module.get(EventReplay),
    stats: module.get(EventRuntimeStats),
    async close() {
      if (closed) return;
      closed = true;
      await module.close();
    },
  };
}

export interface TouchOptions {
  subjectId?: string;
  occurredAt?: Date;
}

/** Commits one widget.touched event; returns its id. */
export async function touch(uow: UnitOfWork, n: number, options: TouchOptions = {}) {
  const event = new WidgetTouched({
    actor: systemActor('test'),
    subject: { type: 'widget', id: options.subjectId ?? `w${n}` },
    payload: { n },
    occurredAt: options.occurredAt,
  });
  await uow.run(async (_tx, events) => events.record(event));
  return event.id;
}

/** Commits `count` events, `parallel` transactions at a time; returns their ids. */
export async function touchMany(
  uow: UnitOfWork,
  count: number,
  parallel = 8,
  options: (n: number) => TouchOptions = () => ({}),
): Promise<string[]> {
  const ids: string[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const n = next++;
        ids[n] = await touch(uow, n, options(n));
      }
    }),
  );
  return ids;
}

/** Polls until `check` holds; fails with `what` after `timeoutMs` (generous for loaded CI). */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Counts per key: each event id should appear exactly once. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export async function sql<R = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as R[];
  } finally {
    await client.end();
  }
}

export async function deliveryRows(url: string, consumer?: string) {
  return sql<{
    event_id: string;
    consumer: string;
    state: string;
    attempts: number;
    locked_by: string | null;
  }>(
    url,
    `SELECT event_id, consumer, state::text, attempts, locked_by FROM event_deliveries
     WHERE $1::text IS NULL OR consumer = $1 ORDER BY event_position`,
    [consumer ?? null],
  );
}
