import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { notFound } from '../../../shared/errors';
import { UsagePolicy } from '../../policies/usage-policy';
import { UsageView } from '../../views/usage.view';
import { GetUsageQuery } from './get-usage.query';

/** Members of the account see its usage; outsiders get 404. */
@QueryHandler(GetUsageQuery)
export class GetUsageHandler implements IQueryHandler<GetUsageQuery, UsageView> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: UsagePolicy,
  ) {}

  async execute({ actor, accountId }: GetUsageQuery): Promise<UsageView> {
    await this.policy.requireViewer(this.prisma, actor, accountId);
    const account = await this.prisma.account.findUnique({
      where: { id: accountId },
      select: { storageLimitBytes: true, usage: true },
    });
    if (!account) throw notFound('Account');
    const { usage } = account;
    // Kept figures can dip below zero for a moment when a purge is counted before the upload
    // it purges (deliveries run concurrently); they add up exactly once both are in.
    return {
      accountId,
      storageBytes: Math.max(0, Number(usage?.storageBytes ?? 0n)),
      storageLimitBytes: Number(account.storageLimitBytes),
      assetCount: Math.max(0, usage?.assetCount ?? 0),
      updatedAt: usage?.updatedAt ?? null,
    };
  }
}
