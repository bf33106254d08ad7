import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ReconcileUsageHandler } from './commands/reconcile-usage/reconcile-usage.handler';
import { UsagePolicy } from './policies/usage-policy';
import { GetUsageHandler } from './queries/get-usage/get-usage.handler';
import { StorageQuota } from './services/storage-quota';

/**
 * The usage context: the read side of per-account usage (kept by the usage consumer), its
 * repair, and the storage quota the asset commands check.
 */
@Module({
  imports: [AccountsModule],
  providers: [UsagePolicy, StorageQuota, GetUsageHandler, ReconcileUsageHandler],
  exports: [StorageQuota],
})
export class UsageModule {}
