import { UserActor } from '@dailies/events';

export class GetNotificationPreferencesQuery {
  constructor(readonly actor: UserActor) {}
}
