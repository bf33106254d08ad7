import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { forbidden, notFound } from '../../../../shared/errors';
import { UserLocked } from '../../../events';
import { LockUserCommand } from './lock-user.command';

/** Locks the user and revokes all their sessions (a lock that ends does not bring them back). */
@CommandHandler(LockUserCommand)
export class LockUserHandler implements ICommandHandler<LockUserCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, input }: LockUserCommand): Promise<void> {
    if (actor.type !== 'staff' && actor.type !== 'system') {
      throw forbidden('Only staff and system jobs lock users');
    }
    await this.uow.run(async (tx, events) => {
      const user = await tx.user.findUnique({ where: { id: input.userId } });
      if (!user) throw notFound('User');
      await tx.user.update({
        where: { id: user.id },
        data: {
          status: 'locked',
          lockedUntil: input.until ?? null,
          lockReason: input.reason ?? null,
          updatedAt: user.updatedAt,
        },
      });
      const families = await tx.refreshToken.findMany({
        where: { userId: user.id, revokedAt: null },
        distinct: ['familyId'],
        select: { familyId: true },
      });
      await tx.refreshToken.updateMany({
        where: { userId: user.id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      events.record(
        new UserLocked({
          actor,
          subject: { type: 'user', id: user.id },
          payload: {
            until: input.until?.toISOString() ?? null,
            reason: input.reason ?? null,
            sessionsRevoked: families.length,
          },
        }),
      );
    });
  }
}
