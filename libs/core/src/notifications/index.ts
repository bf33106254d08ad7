export * from './notification.exports';
export * from './events';
export * from './notifications.module';
