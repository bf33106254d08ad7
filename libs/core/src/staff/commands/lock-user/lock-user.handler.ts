import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { notFound } from '../../../shared/errors';
import { requireStaff } from '../../rules/staff-policy';
import { UserLocked } from '../../staff.events';
import { accountIdsOfUser } from '../../rules/accounts-of-user';
import { LockUserCommand } from './lock-user.command';

/**
 * Locks a user, for good or for a while: status `locked` (log-in refused, access tokens and refresh tokens stop working
 * at once — AuthenticateToken checks the status) and every refresh token revoked. One event per
 * account the user belongs to, so each account's admins see it in their audit log.
 */
@CommandHandler(LockUserCommand)
export class LockUserHandler implements ICommandHandler<LockUserCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, input }: LockUserCommand) {
    const staff = requireStaff(actor);
    if (!isUuid(input.userId)) throw notFound('User');
    return this.uow.run(async (tx, events) => {
      const user = await tx.user.findUnique({ where: { id: input.userId } });
      if (!user) throw notFound('User');
      await tx.user.update({ where: { id: user.id }, data: { status: 'locked' } });
      const until = input.minutes ? new Date(Date.now() + input.minutes * 60_000) : null;
      if (until)
        await tx.staffUserLock.upsert({
          where: { userId: user.id },
          create: { userId: user.id, lockedUntil: until, reason: input.reason },
          update: { lockedUntil: until, reason: input.reason },
        });
      else await tx.staffUserLock.deleteMany({ where: { userId: user.id } });
      const { count } = await tx.refreshToken.updateMany({
        where: { userId: user.id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      for (const accountId of await accountIdsOfUser(tx, user.id))
        events.record(
          new UserLocked({
            actor: staff,
            accountId,
            subject: { type: 'user', id: user.id },
            payload: {
              reason: input.reason,
              until: until?.toISOString() ?? null,
              sessionsRevoked: count,
            },
          }),
        );
      return { userId: user.id, status: 'locked' as const, until };
    });
  }
}
