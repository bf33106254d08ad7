import { Module } from '@nestjs/common';
import { MarkNotificationsReadHandler } from './commands/mark-notifications-read/mark-notifications-read.handler';
import { UpdateNotificationPreferencesHandler } from './commands/update-notification-preferences/update-notification-preferences.handler';
import { GetNotificationPreferencesHandler } from './queries/get-notification-preferences/get-notification-preferences.handler';
import { ListNotificationsHandler } from './queries/list-notifications/list-notifications.handler';

/**
 * The notifications context: a user's inbox and preferences. The notifications consumer
 * (libs/consumers/notifications) fills the inbox from events; this side only reads and marks it.
 */
@Module({
  providers: [
    ListNotificationsHandler,
    GetNotificationPreferencesHandler,
    MarkNotificationsReadHandler,
    UpdateNotificationPreferencesHandler,
  ],
})
export class NotificationsModule {}
