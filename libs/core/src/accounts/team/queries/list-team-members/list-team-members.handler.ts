import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { decodeCursor, Page, toPage } from '../../../../shared/pagination';
import { AccountPolicy } from '../../../account';
import { MemberView, toMemberView } from '../../../account';
import { ListTeamMembersQuery } from './list-team-members.query';

@QueryHandler(ListTeamMembersQuery)
export class ListTeamMembersHandler implements IQueryHandler<
  ListTeamMembersQuery,
  Page<MemberView>
> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: AccountPolicy,
  ) {}

  async execute({ actor, teamId, page }: ListTeamMembersQuery): Promise<Page<MemberView>> {
    const { team } = await this.policy.requireTeamAccess(this.prisma, actor, teamId);
    const after = decodeCursor(page.cursor, 1);
    const rows = await this.prisma.membership.findMany({
      where: {
        accountId: team.accountId,
        user: { teamMembers: { some: { teamId: team.id } } },
        ...(after ? { userId: { gt: String(after[0]) } } : {}),
      },
      include: { user: true },
      orderBy: { userId: 'asc' },
      take: page.limit + 1,
    });
    return toPage(rows, page.limit, (m) => [m.userId], toMemberView);
  }
}
