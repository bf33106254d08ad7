import { Injectable } from '@nestjs/common';
import { CacheInvalidator } from '@dailies/cache';
import { Consumer, ConsumerOptions, DomainEvent, EventConsumer } from '@dailies/events';
import { INVALIDATING_EVENTS, tagsForEvent } from './event-tags';

/**
 * Tells every instance's cache what an event invalidated (the committing instance already
 * dropped its own entries, see LocalInvalidation). Invalidating twice is harmless, so a
 * redelivered event needs no idempotency marker; events that touch nothing cached cost no I/O.
 */
@Consumer()
@Injectable()
export class CacheInvalidationConsumer implements EventConsumer {
  readonly options: ConsumerOptions = {
    name: 'cache',
    // Not '*': events that invalidate nothing would each cost a delivery row for no effect.
    events: INVALIDATING_EVENTS,
    concurrency: 16,
    bufferSize: 1024,
    timeoutMs: 5_000,
    // Stale entries also expire by TTL; retrying for long after that buys nothing.
    retry: { maxAttempts: 6, initialDelayMs: 200, maxDelayMs: 10_000 },
  };

  constructor(private readonly invalidator: CacheInvalidator) {}

  async handle(event: DomainEvent): Promise<void> {
    await this.invalidator.invalidateEverywhere(tagsForEvent(event));
  }
}
