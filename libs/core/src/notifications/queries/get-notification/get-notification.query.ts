import { Query } from '@nestjs/cqrs';
import type { NotificationView } from '../../views/notification.view';
import { UserActor } from '@dailies/events';

/** One of the caller's own in-app notifications (anyone else's does not exist for them). */
export class GetNotificationQuery extends Query<NotificationView> {
  constructor(
    readonly actor: UserActor,
    readonly notificationId: string,
  ) {
    super();
  }
}
