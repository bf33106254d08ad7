import { Actor } from '@dailies/events';

export class GetTeamQuery {
  constructor(
    readonly actor: Actor,
    readonly teamId: string,
  ) {}
}
