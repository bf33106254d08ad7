import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Cache, CACHE, InProcessCache } from '@dailies/cache';
import { DomainEvent, UnitOfWork } from '@dailies/events';
import { Subscription } from 'rxjs';
import { tagsForEvent } from './event-tags';

/**
 * "A revoked permission is never served from cache": the instance that made a change drops the
 * entries it invalidates right after commit, before the command returns to its caller —
 * UnitOfWork.committed$ emits synchronously then. For the in-process cache that is exact.
 * For a shared Redis cache the invalidation is a network call that committed$ cannot await, so
 * it is started here and the cache consumer does it durably; see the report for the awaited
 * after-commit hook that would close that window.
 */
@Injectable()
export class LocalInvalidation implements OnModuleInit, OnModuleDestroy {
  private subscription: Subscription | undefined;
  private readonly log = new Logger('LocalInvalidation');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(CACHE) private readonly cache: Cache,
  ) {}

  onModuleInit(): void {
    this.subscription = this.unitOfWork.committed$.subscribe((events) => this.invalidate(events));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Drops what these committed events invalidate (synchronously for the in-process cache). */
  invalidate(events: readonly DomainEvent[]): void {
    const tags = [...new Set(events.flatMap((e) => tagsForEvent(e)))];
    if (tags.length === 0) return;
    try {
      if (this.cache instanceof InProcessCache) {
        this.cache.invalidateTagsNow(tags);
      } else {
        this.cache.invalidateTags(tags).catch((error: unknown) => this.failed(error));
      }
    } catch (error) {
      // Never into committed$: an error there would surface in the committing request.
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    this.log.warn(`Local cache invalidation failed (the cache consumer retries): ${String(error)}`);
  }
}
