import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import type { NewAccount } from '@dailies/legacy';
import { AccountPolicy, notFound } from '@dailies/core';
import { LegacyFacts } from '../../services/legacy-facts';
import { GetLegacyAccountQuery } from './get-legacy-account.query';

@QueryHandler(GetLegacyAccountQuery)
export class GetLegacyAccountHandler implements IQueryHandler<GetLegacyAccountQuery, NewAccount> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: AccountPolicy,
    private readonly facts: LegacyFacts,
  ) {}

  async execute({ actor, accountId }: GetLegacyAccountQuery): Promise<NewAccount> {
    await this.policy.requireMember(this.prisma, actor, accountId);
    const [account] = await this.facts.accounts([accountId]);
    if (!account) throw notFound('Account');
    return account;
  }
}
