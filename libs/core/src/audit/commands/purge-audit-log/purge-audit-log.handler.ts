import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG } from '@dailies/config';
import type { AccountPlan } from '@dailies/db';
import type { CoreConfig } from '../../../core.config';
import { UnitOfWork } from '@dailies/events';
import { AuditLogPurged } from '../../events';
import { requireOperator } from '../../policies/operator-policy';
import { AUDIT_RETENTION_DAYS_BY_PLAN } from '../../rules/audit-retention';
import { AuditLogPurgeResult, PlanPurge, PurgeAuditLogCommand } from './purge-audit-log.command';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Staff and system jobs only. Retention is per plan: one statement per plan deletes the entries
 * of that plan's accounts older than its retention (the (account_id, occurred_at) index finds
 * them), one more the entries of no account past AUDIT_RETENTION_DAYS. A staff one-off
 * `retentionDays` applies to everything instead. The purge is itself audited (audit_log.purged).
 */
@CommandHandler(PurgeAuditLogCommand)
export class PurgeAuditLogHandler implements ICommandHandler<
  PurgeAuditLogCommand,
  AuditLogPurgeResult
> {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'AUDIT_RETENTION_DAYS'>,
  ) {}

  async execute({ actor, input }: PurgeAuditLogCommand): Promise<AuditLogPurgeResult> {
    requireOperator(actor);
    const now = input.now ?? new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const retentionDays = input.retentionDays ?? this.config.AUDIT_RETENTION_DAYS;
    const before = ago(retentionDays);
    return this.uow.run(async (tx, events) => {
      let deletedCount: number;
      let byPlan: Record<AccountPlan, PlanPurge> | undefined;
      if (input.retentionDays !== undefined) {
        ({ count: deletedCount } = await tx.auditLogEntry.deleteMany({
          where: { occurredAt: { lt: before } },
        }));
      } else {
        ({ count: deletedCount } = await tx.auditLogEntry.deleteMany({
          where: { accountId: null, occurredAt: { lt: before } },
        }));
        byPlan = {} as Record<AccountPlan, PlanPurge>;
        for (const [plan, days] of Object.entries(AUDIT_RETENTION_DAYS_BY_PLAN) as [
          AccountPlan,
          number,
        ][]) {
          const planBefore = ago(days);
          const count = await tx.$executeRaw`
            DELETE FROM audit_log a USING accounts c
             WHERE a.account_id = c.id AND c.plan = ${plan}::account_plan
               AND a.occurred_at < ${planBefore}`;
          byPlan[plan] = { retentionDays: days, before: planBefore, deletedCount: count };
          deletedCount += count;
        }
      }
      events.record(
        new AuditLogPurged({
          actor,
          subject: { type: 'audit_log', id: 'all' },
          payload: {
            before: before.toISOString(),
            retentionDays,
            deletedCount,
            ...(byPlan
              ? {
                  byPlan: Object.fromEntries(
                    Object.entries(byPlan).map(([plan, p]) => [
                      plan,
                      { ...p, before: p.before.toISOString() },
                    ]),
                  ),
                }
              : {}),
          },
        }),
      );
      return { before, deletedCount, ...(byPlan ? { byPlan } : {}) };
    });
  }
}
