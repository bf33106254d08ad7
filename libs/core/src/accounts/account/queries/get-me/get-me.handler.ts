import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { unauthenticated } from '../../../../shared/errors';
import { AccountView, toAccountView } from '../../views/account.view';
import { toUserView, UserView } from '../../views/user.view';
import { GetMeQuery } from './get-me.query';

/** The caller and the accounts they belong to (with their role in each). */
@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<
  GetMeQuery,
  UserView & { accounts: AccountView[]; emailVerified: boolean }
> {
  constructor(private readonly prisma: PrismaService) {}

  async execute({ actor }: GetMeQuery) {
    const user = await this.prisma.user.findUnique({
      where: { id: actor.id },
      include: {
        memberships: { include: { account: true }, orderBy: { createdAt: 'asc' }, take: 100 },
      },
    });
    if (!user) throw unauthenticated();
    return {
      ...toUserView(user),
      accounts: user.memberships.map((m) => toAccountView(m.account, m.role)),
      emailVerified: user.emailConfirmed,
    };
  }
}
