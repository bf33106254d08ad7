import { Query } from '@nestjs/cqrs';
import type { NewProject } from '@dailies/legacy';
import { Actor } from '@dailies/events';

/** A project as /v1 shows it; whoever may view it (as GetProjectQuery). */
export class GetLegacyProjectQuery extends Query<NewProject> {
  constructor(
    readonly actor: Actor,
    readonly projectId: string,
  ) {
    super();
  }
}
