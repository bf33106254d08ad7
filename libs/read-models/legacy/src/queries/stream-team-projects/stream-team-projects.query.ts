import { Query } from '@nestjs/cqrs';
import type { NewProject } from '@dailies/legacy';
import { Actor } from '@dailies/events';

/**
 * Every project of a team the caller may see, archived ones included, as /v1 records in batches
 * (as ListProjectsQuery, whose policy decides).
 */
export class StreamTeamProjectsQuery extends Query<AsyncIterable<NewProject[]>> {
  constructor(
    readonly actor: Actor,
    readonly teamId: string,
  ) {
    super();
  }
}
