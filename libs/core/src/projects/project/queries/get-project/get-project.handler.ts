import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { ProjectPolicy } from '../../policy/project-policy';
import { ProjectView, toProjectView } from '../../views/project.view';
import { GetProjectQuery } from './get-project.query';

/** Any caller with access sees the project, archived or not, with their access level. */
@QueryHandler(GetProjectQuery)
export class GetProjectHandler implements IQueryHandler<GetProjectQuery, ProjectView> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute({ actor, projectId }: GetProjectQuery): Promise<ProjectView> {
    const { project, access } = await this.policy.requireProject(
      this.prisma,
      actor,
      projectId,
      'viewer',
    );
    return toProjectView(project, access);
  }
}
