export * from './operations.events';
