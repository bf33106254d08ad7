import { Query } from '@nestjs/cqrs';
import type { NewTeam } from '@dailies/legacy';
import { Actor } from '@dailies/events';

/** A team as /v1 shows it; members of its account only (as GetTeamQuery). */
export class GetLegacyTeamQuery extends Query<NewTeam> {
  constructor(
    readonly actor: Actor,
    readonly teamId: string,
  ) {
    super();
  }
}
