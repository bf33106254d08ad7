import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { forbidden } from '../../../../shared/errors';
import { AccountUpdated } from '../../../events';
import { AccountPolicy } from '../../policy/account-policy';
import { AccountView, toAccountView } from '../../views/account.view';
import { UpdateAccountCommand } from './update-account.command';

/** Owners and admins rename; only the owner picks the plan; storage limits are staff-only. */
@CommandHandler(UpdateAccountCommand)
export class UpdateAccountHandler implements ICommandHandler<UpdateAccountCommand, AccountView> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: AccountPolicy,
  ) {}

  async execute({ actor, input }: UpdateAccountCommand): Promise<AccountView> {
    const { accountId, ...changes } = input;
    return this.uow.run(async (tx, events) => {
      const role = await this.policy.requireManager(tx, actor, accountId);
      if (changes.plan !== undefined && role !== 'owner')
        throw forbidden('Only the account owner can change the plan');
      if (changes.storageLimitBytes !== undefined && actor.type !== 'staff') {
        throw forbidden('Storage limits follow the plan; contact support to change them');
      }
      const account = await tx.account.update({
        where: { id: accountId },
        data: {
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(changes.plan !== undefined ? { plan: changes.plan } : {}),
          ...(changes.storageLimitBytes !== undefined
            ? { storageLimitBytes: BigInt(changes.storageLimitBytes) }
            : {}),
        },
      });
      if (Object.keys(changes).length > 0) {
        events.record(
          new AccountUpdated({
            actor,
            accountId,
            subject: { type: 'account', id: accountId },
            payload: { changes },
          }),
        );
      }
      return toAccountView(account, role);
    });
  }
}
