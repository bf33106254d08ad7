import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { notFound } from '../../../shared/errors';
import { requireStaff } from '../../rules/staff-policy';
import { accountIdsOfUser } from '../../rules/accounts-of-user';
import { UserUnlocked } from '../../staff.events';
import { UnlockUserCommand } from './unlock-user.command';

/** Unlocks a user (they sign in again with their password; their old sessions stay ended). */
@CommandHandler(UnlockUserCommand)
export class UnlockUserHandler implements ICommandHandler<UnlockUserCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, input }: UnlockUserCommand) {
    const staff = requireStaff(actor);
    if (!isUuid(input.userId)) throw notFound('User');
    return this.uow.run(async (tx, events) => {
      const user = await tx.user.findUnique({ where: { id: input.userId } });
      if (!user) throw notFound('User');
      await tx.user.update({ where: { id: user.id }, data: { status: 'active' } });
      await tx.staffUserLock.deleteMany({ where: { userId: user.id } });
      for (const accountId of await accountIdsOfUser(tx, user.id))
        events.record(
          new UserUnlocked({
            actor: staff,
            accountId,
            subject: { type: 'user', id: user.id },
            payload: { reason: input.reason },
          }),
        );
      return { userId: user.id, status: 'active' as const };
    });
  }
}
