import { Injectable } from '@nestjs/common';
import { Prisma } from '@dailies/db';
import { Db } from '../../shared/db';
import { DomainError, notFound } from '../../shared/errors';

interface QuotaRow {
  limit_bytes: bigint;
  used_bytes: bigint;
}

/**
 * The account's storage limit, checked by the commands that add bytes (upload-complete, copy)
 * inside their transaction, before they change anything. It compares against the kept usage
 * (account_usage), which the usage consumer updates shortly after each commit: the limit is a
 * soft one — uploads finishing at the same moment may together overshoot it by their own size.
 */
@Injectable()
export class StorageQuota {
  /**
   * Throws `storage_limit_exceeded` (HTTP 409, problem type …/storage-limit-exceeded) when the
   * account's stored bytes plus `extraBytes` would exceed its storage limit.
   */
  async assertRoom(db: Db, accountId: string, extraBytes: number | bigint): Promise<void> {
    const extra = BigInt(extraBytes);
    if (extra <= 0n) return;
    const [row] = await db.$queryRaw<QuotaRow[]>(Prisma.sql`
      SELECT a.storage_limit_bytes AS limit_bytes, coalesce(u.storage_bytes, 0)::bigint AS used_bytes
      FROM accounts a LEFT JOIN account_usage u ON u.account_id = a.id
      WHERE a.id = ${accountId}::uuid`);
    if (!row) throw notFound('Account');
    const used = row.used_bytes > 0n ? row.used_bytes : 0n;
    if (used + extra > row.limit_bytes) {
      const left = row.limit_bytes > used ? row.limit_bytes - used : 0n;
      throw new DomainError(
        'storage_limit_exceeded',
        `This needs ${extra} bytes but the account has ${left} of its ${row.limit_bytes} bytes left`,
        { featureCode: 'storage_limit_exceeded' },
      );
    }
  }
}
