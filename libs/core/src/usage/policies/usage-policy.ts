import { Injectable } from '@nestjs/common';
import { isUuid } from '@dailies/db';
import { Actor } from '@dailies/events';
import { AccountPolicy } from '../../accounts/account';
import { Db } from '../../shared/db';
import { forbidden, notFound } from '../../shared/errors';

/** Who may see and repair an account's usage. */
@Injectable()
export class UsagePolicy {
  constructor(private readonly accounts: AccountPolicy) {}

  /** Any member sees the usage; outsiders get "not found". */
  async requireViewer(db: Db, actor: Actor, accountId: string): Promise<void> {
    await this.accounts.requireMember(db, actor, accountId);
  }

  /** Staff, system jobs and the account's owner recompute one account. */
  async requireReconciler(db: Db, actor: Actor, accountId: string): Promise<void> {
    if (actor.type === 'system') {
      const exists =
        isUuid(accountId) &&
        (await db.account.findUnique({ where: { id: accountId }, select: { id: true } }));
      if (!exists) throw notFound('Account');
      return;
    }
    const role = await this.accounts.requireMember(db, actor, accountId);
    if (role !== 'owner') throw forbidden('Only the account owner can reconcile usage');
  }

  /** Every account at once: staff and system jobs only. */
  requireOperator(actor: Actor): void {
    if (actor.type !== 'system' && actor.type !== 'staff') {
      throw forbidden('Only staff and system jobs can reconcile every account');
    }
  }
}
