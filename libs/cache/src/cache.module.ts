import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '@dailies/config';
import { CacheConfig } from './cache.config';
import { CACHE } from './cache';
import { CacheInvalidator } from './cache-invalidator';
import { createCache } from './create-cache';
import { InvalidationBroadcast } from './invalidation-broadcast';

/**
 * The process's Cache (CACHE token), chosen by CACHE_URL, and the means to invalidate it
 * everywhere. Global and static, so that every importer shares the one instance.
 */
@Global()
@Module({
  providers: [
    {
      provide: CACHE,
      inject: [APP_CONFIG],
      useFactory: (config: CacheConfig) => createCache(config),
    },
    InvalidationBroadcast,
    CacheInvalidator,
  ],
  exports: [CACHE, InvalidationBroadcast, CacheInvalidator],
})
export class CacheModule {}
