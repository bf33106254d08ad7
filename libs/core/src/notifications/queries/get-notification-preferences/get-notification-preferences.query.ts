import { Query } from '@nestjs/cqrs';
import type { NotificationPreferences } from '../../preferences/notification-preferences';
import { UserActor } from '@dailies/events';

export class GetNotificationPreferencesQuery extends Query<NotificationPreferences> {
  constructor(readonly actor: UserActor) {
    super();
  }
}
