import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hashPassword, verifyPassword } from '@dailies/auth';
import { PrismaService } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { forbidden, notFound, validationFailed } from '../../../../shared/errors';
import { UserPasswordChanged } from '../../../events';
import { LoginThrottle } from '../../rules/login-throttle';
import { ChangePasswordCommand } from './change-password.command';

/**
 * Changes the caller's password after checking the current one (counted like a login attempt,
 * so it cannot be used to guess it), and ends every other session: whoever else held one —
 * a stolen refresh token, a forgotten browser — is out on every transport at once. Only a
 * password session may do it; an API token gets 403 (it cannot end password sessions).
 */
@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<
  ChangePasswordCommand,
  { sessionsRevoked: number }
> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly uow: UnitOfWork,
    private readonly throttle: LoginThrottle,
  ) {}

  async execute({ actor, sessionId, input, ip }: ChangePasswordCommand) {
    if (actor.apiTokenId || !sessionId) {
      throw forbidden('API tokens cannot change the password; log in with your password');
    }
    const user = await this.prisma.user.findUnique({ where: { id: actor.id } });
    if (!user) throw notFound('User');
    const budgets = await this.throttle.take(user.email, ip);
    const check = await verifyPassword(input.currentPassword, user.passwordHash);
    if (!check.ok) {
      throw validationFailed(
        [{ field: 'currentPassword', message: 'is not your current password' }],
        'The current password is wrong',
      );
    }
    await this.throttle.succeeded(user.id, ip, budgets);
    const passwordHash = await hashPassword(input.newPassword);
    return this.uow.run(async (tx, events) => {
      await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
      const others = { userId: user.id, revokedAt: null, NOT: { familyId: sessionId } };
      const families = await tx.refreshToken.findMany({
        where: others,
        distinct: ['familyId'],
        select: { familyId: true },
      });
      await tx.refreshToken.updateMany({ where: others, data: { revokedAt: new Date() } });
      events.record(
        new UserPasswordChanged({
          actor,
          subject: { type: 'user', id: user.id },
          payload: { sessionsRevoked: families.length },
        }),
      );
      return { sessionsRevoked: families.length };
    });
  }
}
