export * from './actor';
export * from './domain-event';
export * from './event-registry';
export * from './events.module';
export * from './request-context';
export * from './unit-of-work';
export * from './runtime';
export * from './events.config';
