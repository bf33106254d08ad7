import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { AccountPolicy } from '../../../account';
import { TeamView, toTeamView } from '../../views/team.view';
import { GetTeamQuery } from './get-team.query';

@QueryHandler(GetTeamQuery)
export class GetTeamHandler implements IQueryHandler<GetTeamQuery, TeamView> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: AccountPolicy,
  ) {}

  async execute({ actor, teamId }: GetTeamQuery): Promise<TeamView> {
    const { team } = await this.policy.requireTeamAccess(this.prisma, actor, teamId);
    return toTeamView(team, await this.prisma.teamMember.count({ where: { teamId: team.id } }));
  }
}
