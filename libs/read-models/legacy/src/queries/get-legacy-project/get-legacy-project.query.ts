import { Actor } from '@dailies/events';

/** A project as /v1 shows it; whoever may view it (as GetProjectQuery). */
export class GetLegacyProjectQuery {
  constructor(
    readonly actor: Actor,
    readonly projectId: string,
  ) {}
}
