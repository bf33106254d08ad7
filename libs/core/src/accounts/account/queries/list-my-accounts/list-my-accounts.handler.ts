import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { decodeCursor, Page, toPage } from '../../../../shared/pagination';
import { AccountView, toAccountView } from '../../views/account.view';
import { ListMyAccountsQuery } from './list-my-accounts.query';

@QueryHandler(ListMyAccountsQuery)
export class ListMyAccountsHandler implements IQueryHandler<
  ListMyAccountsQuery,
  Page<AccountView>
> {
  constructor(private readonly prisma: PrismaService) {}

  async execute({ actor, page }: ListMyAccountsQuery): Promise<Page<AccountView>> {
    const after = decodeCursor(page.cursor, 1);
    const rows = await this.prisma.membership.findMany({
      where: { userId: actor.id, ...(after ? { accountId: { gt: String(after[0]) } } : {}) },
      include: { account: true },
      orderBy: { accountId: 'asc' },
      take: page.limit + 1,
    });
    return toPage(
      rows,
      page.limit,
      (m) => [m.accountId],
      (m) => toAccountView(m.account, m.role),
    );
  }
}
