export * from './cache-consumer.module';
export * from './cache-invalidation.consumer';
export * from './event-tags';
export * from './local-invalidation';
