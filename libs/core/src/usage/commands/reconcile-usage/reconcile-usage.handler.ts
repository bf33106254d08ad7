import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { Actor, UnitOfWork } from '@dailies/events';
import { UsageReconciled } from '../../events';
import { UsagePolicy } from '../../policies/usage-policy';
import { recountUsage } from '../../services/usage-recount';
import { UsageDrift } from '../../views/usage.view';
import { ReconcileUsageCommand } from './reconcile-usage.command';

const ACCOUNTS_PER_PAGE = 500;

/**
 * Repairs kept usage (after a bug, a dead-lettered event, a data migration). Each account in its
 * own short transaction that locks its account_usage row: the usage consumer's updates for that
 * account wait meanwhile, and those still pending are allowed for (see recountUsage), so it is
 * safe to run while the platform is busy.
 */
@CommandHandler(ReconcileUsageCommand)
export class ReconcileUsageHandler implements ICommandHandler<ReconcileUsageCommand, UsageDrift[]> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly prisma: PrismaService,
    private readonly policy: UsagePolicy,
  ) {}

  async execute({ actor, input }: ReconcileUsageCommand): Promise<UsageDrift[]> {
    if (input.accountId) {
      await this.policy.requireReconciler(this.prisma, actor, input.accountId);
      return [await this.reconcile(actor, input.accountId)];
    }
    this.policy.requireOperator(actor);
    const drifted: UsageDrift[] = [];
    let after: string | undefined;
    for (;;) {
      const accounts = await this.prisma.account.findMany({
        where: after ? { id: { gt: after } } : {},
        select: { id: true },
        orderBy: { id: 'asc' },
        take: ACCOUNTS_PER_PAGE,
      });
      for (const { id } of accounts) {
        const result = await this.reconcile(actor, id);
        if (result.drift.storageBytes !== 0 || result.drift.assetCount !== 0) drifted.push(result);
      }
      if (accounts.length < ACCOUNTS_PER_PAGE) return drifted;
      after = accounts[accounts.length - 1].id;
    }
  }

  private reconcile(actor: Actor, accountId: string): Promise<UsageDrift> {
    return this.uow.run(async (tx, events) => {
      await tx.$executeRaw`
        INSERT INTO account_usage (account_id) VALUES (${accountId}::uuid)
        ON CONFLICT (account_id) DO NOTHING`;
      const [kept] = await tx.$queryRaw<{ storage_bytes: bigint; asset_count: number }[]>`
        SELECT storage_bytes, asset_count FROM account_usage
        WHERE account_id = ${accountId}::uuid FOR UPDATE`;
      const before = {
        storageBytes: Number(kept?.storage_bytes ?? 0n),
        assetCount: kept?.asset_count ?? 0,
      };
      const after = await recountUsage(tx, accountId);
      const drift = {
        storageBytes: after.storageBytes - before.storageBytes,
        assetCount: after.assetCount - before.assetCount,
      };
      if (drift.storageBytes !== 0 || drift.assetCount !== 0) {
        await tx.accountUsage.update({
          where: { accountId },
          data: { storageBytes: BigInt(after.storageBytes), assetCount: after.assetCount },
        });
        events.record(
          new UsageReconciled({
            actor,
            accountId,
            subject: { type: 'account', id: accountId },
            payload: { before, after, drift },
          }),
        );
      }
      return { accountId, before, after, drift };
    });
  }
}
