import { Module } from '@nestjs/common';
import { CacheModule } from '@dailies/cache';
import { CacheInvalidationConsumer } from './cache-invalidation.consumer';
import { LocalInvalidation } from './local-invalidation';

/**
 * Cache invalidation from events: at once on the committing instance (LocalInvalidation) and,
 * durably, on every instance through the cache consumer. Import it into the platform root next
 * to EventRuntimeModule.
 */
@Module({
  imports: [CacheModule],
  providers: [CacheInvalidationConsumer, LocalInvalidation],
  exports: [LocalInvalidation],
})
export class CacheConsumerModule {}
