import { UserActor } from '@dailies/events';

export class GetMeQuery {
  constructor(readonly actor: UserActor) {}
}
