import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { notFound } from '../../../shared/errors';
import { accountIdsOfUser } from '../../rules/accounts-of-user';
import { requireStaff } from '../../rules/staff-policy';
import { UserSessionsEnded } from '../../staff.events';
import { ForceLogoutUserCommand } from './force-logout-user.command';

/**
 * Revokes every refresh token of the user. Access tokens are checked against their session on
 * every request (AuthenticateToken), so they stop working at once too.
 */
@CommandHandler(ForceLogoutUserCommand)
export class ForceLogoutUserHandler implements ICommandHandler<ForceLogoutUserCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, input }: ForceLogoutUserCommand) {
    const staff = requireStaff(actor);
    if (!isUuid(input.userId)) throw notFound('User');
    return this.uow.run(async (tx, events) => {
      const user = await tx.user.findUnique({ where: { id: input.userId } });
      if (!user) throw notFound('User');
      const families = await tx.refreshToken.findMany({
        where: { userId: user.id, revokedAt: null },
        distinct: ['familyId'],
        select: { familyId: true },
      });
      await tx.refreshToken.updateMany({
        where: { userId: user.id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      for (const accountId of await accountIdsOfUser(tx, user.id))
        events.record(
          new UserSessionsEnded({
            actor: staff,
            accountId,
            subject: { type: 'user', id: user.id },
            payload: { reason: input.reason, sessionsRevoked: families.length },
          }),
        );
      return { sessionsRevoked: families.length };
    });
  }
}
