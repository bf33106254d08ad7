import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { PurgeAuditLogHandler } from './commands/purge-audit-log/purge-audit-log.handler';
import { ListAuditLogHandler } from './queries/list-audit-log/list-audit-log.handler';

/**
 * The audit context: the read side of the audit log (written by the audit consumer) and its
 * retention.
 */
@Module({
  imports: [AccountsModule],
  providers: [ListAuditLogHandler, PurgeAuditLogHandler],
})
export class AuditModule {}
