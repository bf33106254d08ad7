import { envRedisUrl } from '@dailies/config';
import { z } from 'zod';

/** The cache of hot reads: in-process LRU, or Redis with CACHE_URL. */
export const cacheConfigSchema = z.object({
  CACHE_URL: envRedisUrl('in-process cache').optional(),
  CACHE_MAX_ENTRIES: z.coerce.number().int().positive().default(10_000),
  CACHE_TTL_SECONDS: z.coerce.number().int().positive().default(300),
  CACHE_KEY_PREFIX: z.string().default('dailies:'),
});
export type CacheConfig = z.infer<typeof cacheConfigSchema>;
