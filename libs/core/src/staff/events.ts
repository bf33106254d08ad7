export * from './staff.events';
