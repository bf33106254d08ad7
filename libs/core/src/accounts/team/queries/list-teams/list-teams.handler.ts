import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { decodeCursor, Page, toPage } from '../../../../shared/pagination';
import { AccountPolicy } from '../../../account';
import { TeamView, toTeamView } from '../../views/team.view';
import { ListTeamsQuery } from './list-teams.query';

/** Every team of the account, oldest first (ids are UUIDv7, so id order is creation order). */
@QueryHandler(ListTeamsQuery)
export class ListTeamsHandler implements IQueryHandler<ListTeamsQuery, Page<TeamView>> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: AccountPolicy,
  ) {}

  async execute({ actor, accountId, page }: ListTeamsQuery): Promise<Page<TeamView>> {
    await this.policy.requireMember(this.prisma, actor, accountId);
    const after = decodeCursor(page.cursor, 1);
    const rows = await this.prisma.team.findMany({
      where: { accountId, ...(after ? { id: { gt: String(after[0]) } } : {}) },
      include: { _count: { select: { members: true } } },
      orderBy: { id: 'asc' },
      take: page.limit + 1,
    });
    return toPage(
      rows,
      page.limit,
      (t) => [t.id],
      (t) => toTeamView(t, t._count.members),
    );
  }
}
