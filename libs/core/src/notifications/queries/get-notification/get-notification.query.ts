import { UserActor } from '@dailies/events';

/** One of the caller's own in-app notifications (anyone else's does not exist for them). */
export class GetNotificationQuery {
  constructor(
    readonly actor: UserActor,
    readonly notificationId: string,
  ) {}
}
