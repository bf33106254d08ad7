export * from './audit.events';
