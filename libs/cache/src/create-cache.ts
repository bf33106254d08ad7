import { Cache } from './cache';
import { InProcessCache } from './in-process-cache';
import { RedisCache } from './redis-cache';

import { CacheConfig } from './cache.config';

/** CACHE_URL unset: an LRU in this process; redis://…: Redis, shared by every instance. */
export function createCache(config: CacheConfig): Cache {
  const defaultTtlMs = config.CACHE_TTL_SECONDS * 1000;
  if (config.CACHE_URL) {
    return new RedisCache({
      url: config.CACHE_URL,
      keyPrefix: config.CACHE_KEY_PREFIX,
      defaultTtlMs,
    });
  }
  return new InProcessCache({ maxEntries: config.CACHE_MAX_ENTRIES, defaultTtlMs });
}
