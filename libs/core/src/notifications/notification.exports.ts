// The public API of the notifications context: commands, queries, preferences and views.
export * from './commands/mark-notifications-read/mark-notifications-read.command';
export type { UnreadCountView } from './commands/mark-notifications-read/mark-notifications-read.handler';
export * from './commands/update-notification-preferences/update-notification-preferences.command';
export * from './commands/send-digests/send-digests.command';
export * from './queries/get-notification-preferences/get-notification-preferences.query';
export * from './queries/list-notifications/list-notifications.query';
export * from './queries/get-notification/get-notification.query';
export type { NotificationPage } from './queries/list-notifications/list-notifications.handler';
export * from './notification-kinds';
export * from './preferences/notification-preferences';
export * from './services/email-only-marker';
export * from './services/notification-feed';
export * from './views/notification.view';
