import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { AccountPolicy } from '../../policy/account-policy';
import { AccountView, toAccountView } from '../../views/account.view';
import { GetAccountQuery } from './get-account.query';

@QueryHandler(GetAccountQuery)
export class GetAccountHandler implements IQueryHandler<GetAccountQuery, AccountView> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: AccountPolicy,
  ) {}

  async execute({ actor, accountId }: GetAccountQuery): Promise<AccountView> {
    const role = await this.policy.requireMember(this.prisma, actor, accountId);
    const account = await this.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
    return toAccountView(account, role);
  }
}
