import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import type { NewTeam } from '@dailies/legacy';
import { AccountPolicy, notFound } from '@dailies/core';
import { LegacyFacts } from '../../services/legacy-facts';
import { GetLegacyTeamQuery } from './get-legacy-team.query';

@QueryHandler(GetLegacyTeamQuery)
export class GetLegacyTeamHandler implements IQueryHandler<GetLegacyTeamQuery, NewTeam> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: AccountPolicy,
    private readonly facts: LegacyFacts,
  ) {}

  async execute({ actor, teamId }: GetLegacyTeamQuery): Promise<NewTeam> {
    const { team } = await this.policy.requireTeamAccess(this.prisma, actor, teamId);
    const [legacy] = await this.facts.teams([team.id]);
    if (!legacy) throw notFound('Team');
    return legacy;
  }
}
