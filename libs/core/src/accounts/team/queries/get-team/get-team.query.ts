import { Query } from '@nestjs/cqrs';
import type { TeamView } from '../../views/team.view';
import { Actor } from '@dailies/events';

export class GetTeamQuery extends Query<TeamView> {
  constructor(
    readonly actor: Actor,
    readonly teamId: string,
  ) {
    super();
  }
}
