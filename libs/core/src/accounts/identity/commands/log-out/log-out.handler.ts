import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hashToken } from '@dailies/auth';
import { Prisma } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { forbidden } from '../../../../shared/errors';
import { UserLoggedOut } from '../../../events';
import { LogOutCommand } from './log-out.command';

/** Revokes the current session (or the one of the given refresh token, or all of them). */
@CommandHandler(LogOutCommand)
export class LogOutHandler implements ICommandHandler<LogOutCommand, { sessionsRevoked: number }> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, sessionId, input }: LogOutCommand): Promise<{ sessionsRevoked: number }> {
    // A leaked API token must not be able to end its owner's password sessions.
    if (actor.apiTokenId) throw forbidden('API tokens cannot log out sessions; revoke the token');
    return this.uow.run(async (tx, events) => {
      let where: Prisma.RefreshTokenWhereInput | undefined;
      if (input.allSessions) {
        where = { userId: actor.id };
      } else if (input.refreshToken) {
        const token = await tx.refreshToken.findUnique({
          where: { tokenHash: hashToken(input.refreshToken) },
        });
        if (token && token.userId === actor.id) where = { familyId: token.familyId };
      } else if (sessionId) {
        where = { userId: actor.id, familyId: sessionId };
      }
      if (!where) return { sessionsRevoked: 0 };
      const families = await tx.refreshToken.findMany({
        where: { ...where, revokedAt: null },
        distinct: ['familyId'],
        select: { familyId: true },
      });
      await tx.refreshToken.updateMany({
        where: { ...where, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      events.record(
        new UserLoggedOut({
          actor,
          subject: { type: 'user', id: actor.id },
          payload: { sessionsRevoked: families.length },
        }),
      );
      return { sessionsRevoked: families.length };
    });
  }
}
