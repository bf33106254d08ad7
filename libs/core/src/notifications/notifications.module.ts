import { Module } from '@nestjs/common';
import { MarkNotificationsReadHandler } from './commands/mark-notifications-read/mark-notifications-read.handler';
import { SendDigestsHandler } from './commands/send-digests/send-digests.handler';
import { UpdateNotificationPreferencesHandler } from './commands/update-notification-preferences/update-notification-preferences.handler';
import { GetNotificationPreferencesHandler } from './queries/get-notification-preferences/get-notification-preferences.handler';
import { GetNotificationHandler } from './queries/get-notification/get-notification.handler';
import { ListNotificationsHandler } from './queries/list-notifications/list-notifications.handler';
import { NotificationFeed } from './services/notification-feed';

/**
 * The notifications context: a user's inbox and preferences. The notifications consumer
 * (libs/consumers/notifications) fills the inbox from events; this side only reads and marks it.
 */
@Module({
  providers: [
    NotificationFeed,
    ListNotificationsHandler,
    GetNotificationHandler,
    GetNotificationPreferencesHandler,
    MarkNotificationsReadHandler,
    UpdateNotificationPreferencesHandler,
    SendDigestsHandler,
  ],
  exports: [NotificationFeed],
})
export class NotificationsModule {}
