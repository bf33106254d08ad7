import { Injectable } from '@nestjs/common';
import { PrismaService, Tx } from '@dailies/db';

export interface RunOnceOptions {
  /** Transaction timeout for the effect (default 30 s). */
  timeoutMs?: number;
}

/**
 * Idempotency markers for consumers, in `processed_events` (consumer, event_id). Three ways to
 * use them, by kind of effect:
 * - database effects: `runOnce` (or `ctx.once` in a handler) — the effect and the marker commit
 *   in one transaction, so the effect happens at most once per consumer and event, even when two
 *   deliveries of the event run at the same time (the second waits for the first's marker);
 * - effects with their own idempotency key (an HTTP API with an Idempotency-Key, an upsert keyed
 *   by the event id, a unique constraint of the consumer's own table): no marker needed, use
 *   `ctx.eventId` as the key;
 * - other external effects: `wasProcessed` before and `markProcessed` after — this narrows
 *   duplicates to a crash between the effect and the mark, which nothing can close.
 * Markers are small; `prune` removes old ones once redelivery of those events is impossible.
 */
@Injectable()
export class ProcessedEvents {
  constructor(private readonly prisma: PrismaService) {}

  /** True when the effect ran and committed now; false when the event was processed before. */
  async runOnce(
    consumer: string,
    eventId: string,
    effect: (tx: Tx) => Promise<void>,
    options: RunOnceOptions = {},
  ): Promise<boolean> {
    return this.prisma.$transaction(
      async (tx) => {
        const { count } = await tx.processedEvent.createMany({
          data: [{ consumer, eventId }],
          skipDuplicates: true,
        });
        if (count === 0) return false;
        await effect(tx);
        return true;
      },
      { timeout: options.timeoutMs ?? 30_000, maxWait: 10_000 },
    );
  }

  async wasProcessed(consumer: string, eventId: string): Promise<boolean> {
    const found = await this.prisma.processedEvent.findUnique({
      where: { consumer_eventId: { consumer, eventId } },
      select: { eventId: true },
    });
    return found !== null;
  }

  /** Records the event as processed; false when it already was. */
  async markProcessed(consumer: string, eventId: string): Promise<boolean> {
    const { count } = await this.prisma.processedEvent.createMany({
      data: [{ consumer, eventId }],
      skipDuplicates: true,
    });
    return count === 1;
  }

  /** Deletes markers older than `before` (all consumers, or one); returns how many. */
  async prune(before: Date, consumer?: string): Promise<number> {
    const { count } = await this.prisma.processedEvent.deleteMany({
      where: { processedAt: { lt: before }, ...(consumer ? { consumer } : {}) },
    });
    return count;
  }
}
