import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import type { NewProject } from '@dailies/legacy';
import { ProjectPolicy, notFound } from '@dailies/core';
import { LegacyFacts } from '../../services/legacy-facts';
import { GetLegacyProjectQuery } from './get-legacy-project.query';

@QueryHandler(GetLegacyProjectQuery)
export class GetLegacyProjectHandler implements IQueryHandler<GetLegacyProjectQuery, NewProject> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: ProjectPolicy,
    private readonly facts: LegacyFacts,
  ) {}

  async execute({ actor, projectId }: GetLegacyProjectQuery): Promise<NewProject> {
    const { project } = await this.policy.requireProject(this.prisma, actor, projectId, 'viewer');
    const [legacy] = await this.facts.projects([project.id]);
    if (!legacy) throw notFound('Project');
    return legacy;
  }
}
