import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { forbidden, notFound } from '../../../../shared/errors';
import { UserUnlocked } from '../../../events';
import { UnlockUserCommand } from './unlock-user.command';

@CommandHandler(UnlockUserCommand)
export class UnlockUserHandler implements ICommandHandler<UnlockUserCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, input }: UnlockUserCommand): Promise<void> {
    if (actor.type !== 'staff' && actor.type !== 'system') {
      throw forbidden('Only staff and system jobs unlock users');
    }
    await this.uow.run(async (tx, events) => {
      const user = await tx.user.findUnique({ where: { id: input.userId } });
      if (!user) throw notFound('User');
      await tx.user.update({
        where: { id: user.id },
        data: { status: 'active', lockedUntil: null, lockReason: null, updatedAt: user.updatedAt },
      });
      events.record(
        new UserUnlocked({ actor, subject: { type: 'user', id: user.id }, payload: {} }),
      );
    });
  }
}
