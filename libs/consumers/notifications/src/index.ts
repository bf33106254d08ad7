export * from './notifications-consumer.module';
export * from './notifications.consumer';
export * from './push-sender';
export * from './email-schedule';
export * from './notifications.config';
