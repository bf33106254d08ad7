export * from './analytics-consumer.module';
export * from './analytics.consumer';
export * from './analytics-sink';
export * from './segment-sink';
export * from './table-sink';
export * from './track-batcher';
export * from './track-record';
export * from './analytics.config';
