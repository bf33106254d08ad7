import { Query } from '@nestjs/cqrs';
import type { ProjectView } from '../../views/project.view';
import { Actor } from '@dailies/events';

export class GetProjectQuery extends Query<ProjectView> {
  constructor(
    readonly actor: Actor,
    readonly projectId: string,
  ) {
    super();
  }
}
