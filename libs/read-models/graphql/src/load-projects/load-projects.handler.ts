import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, PrismaService } from '@dailies/db';
import { ProjectView, toProjectView } from '@dailies/core';
import { LoaderGrants } from '../loader-grants';
import { LoadProjectsQuery } from './load-projects.query';

/** Through the policy's cached project reads: usually no statement at all. */
@QueryHandler(LoadProjectsQuery)
export class LoadProjectsHandler implements IQueryHandler<
  LoadProjectsQuery,
  (ProjectView | null)[]
> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly grants: LoaderGrants,
  ) {}

  async execute({ actor, ids }: LoadProjectsQuery): Promise<(ProjectView | null)[]> {
    const grants = await this.grants.of(this.prisma, actor, ids.filter(isUuid));
    return ids.map((id) => {
      const grant = grants.get(id);
      return grant ? toProjectView(grant.project, grant.access) : null;
    });
  }
}
