import { Query } from '@nestjs/cqrs';
import type { ProjectView } from '@dailies/core';
import { Actor } from '@dailies/events';
import { validate } from '@dailies/core';
import { batchIdsSchema } from '../batch-page';

/** Projects by id as the caller sees them; null where GET /v2/projects/{id} would be 404. */
export class LoadProjectsQuery extends Query<(ProjectView | null)[]> {
  readonly ids: string[];
  constructor(
    readonly actor: Actor,
    ids: readonly string[],
  ) {
    super();
    this.ids = validate(batchIdsSchema, ids);
  }
}
