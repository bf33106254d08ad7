import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG } from '@dailies/config';
import type { CoreConfig } from '../../../core.config';
import { UnitOfWork } from '@dailies/events';
import { AuditLogPurged } from '../../events';
import { requireOperator } from '../../policies/operator-policy';
import { AuditLogPurgeResult, PurgeAuditLogCommand } from './purge-audit-log.command';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Staff and system jobs only. One statement: a daily purge deletes about a day of entries, and
 * the (occurred_at) index finds them. The purge is itself audited (audit_log.purged).
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
    const retentionDays = input.retentionDays ?? this.config.AUDIT_RETENTION_DAYS;
    const before = new Date(Date.now() - retentionDays * DAY_MS);
    return this.uow.run(async (tx, events) => {
      const { count } = await tx.auditLogEntry.deleteMany({
        where: { occurredAt: { lt: before } },
      });
      events.record(
        new AuditLogPurged({
          actor,
          subject: { type: 'audit_log', id: 'all' },
          payload: { before: before.toISOString(), retentionDays, deletedCount: count },
        }),
      );
      return { before, deletedCount: count };
    });
  }
}
