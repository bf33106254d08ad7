import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { decodeCursor, Page, toPage } from '../../../../shared/pagination';
import { AccountPolicy } from '../../policy/account-policy';
import { MemberView, toMemberView } from '../../views/member.view';
import { ListMembersQuery } from './list-members.query';

/** Members in the order they joined. */
@QueryHandler(ListMembersQuery)
export class ListMembersHandler implements IQueryHandler<ListMembersQuery, Page<MemberView>> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: AccountPolicy,
  ) {}

  async execute({ actor, accountId, page }: ListMembersQuery): Promise<Page<MemberView>> {
    await this.policy.requireMember(this.prisma, actor, accountId);
    const after = decodeCursor(page.cursor, ['time', 'id']);
    const rows = await this.prisma.membership.findMany({
      where: {
        accountId,
        ...(after
          ? {
              OR: [
                { createdAt: { gt: new Date(String(after[0])) } },
                { createdAt: new Date(String(after[0])), userId: { gt: String(after[1]) } },
              ],
            }
          : {}),
      },
      include: { user: true },
      orderBy: [{ createdAt: 'asc' }, { userId: 'asc' }],
      take: page.limit + 1,
    });
    return toPage(rows, page.limit, (m) => [m.createdAt.toISOString(), m.userId], toMemberView);
  }
}
