export * from './audit-consumer.module';
export * from './audit.consumer';
export * from './audit-entry';
