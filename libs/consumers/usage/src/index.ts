export * from './usage-consumer.module';
export * from './usage.consumer';
