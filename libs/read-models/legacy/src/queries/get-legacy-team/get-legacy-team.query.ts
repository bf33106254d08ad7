import { Actor } from '@dailies/events';

/** A team as /v1 shows it; members of its account only (as GetTeamQuery). */
export class GetLegacyTeamQuery {
  constructor(
    readonly actor: Actor,
    readonly teamId: string,
  ) {}
}
