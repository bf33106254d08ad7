import { Inject, Injectable } from '@nestjs/common';
import { Cache, CACHE } from './cache';
import { InvalidationBroadcast } from './invalidation-broadcast';

/** Invalidates tags in every instance's view: the shared cache, or this one's and the others'. */
@Injectable()
export class CacheInvalidator {
  constructor(
    @Inject(CACHE) private readonly cache: Cache,
    private readonly broadcast: InvalidationBroadcast,
  ) {}

  async invalidateEverywhere(tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    await this.cache.invalidateTags(tags);
    await this.broadcast.publish(tags);
  }
}
