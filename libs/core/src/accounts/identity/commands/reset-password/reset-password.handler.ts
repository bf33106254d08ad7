import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hashPassword } from '@dailies/auth';
import { UnitOfWork } from '@dailies/events';
import { UserLoggedOut } from '../../../events';
import { spendUserToken } from '../../rules/user-tokens';
import { invalidLink } from '../verify-email/verify-email.handler';
import { ResetPasswordCommand, ResetPasswordResult } from './reset-password.command';

/**
 * Sets the new password and ends every session of the user (all refresh families revoked). The
 * link works once; it also proves the address, which is marked verified.
 */
@CommandHandler(ResetPasswordCommand)
export class ResetPasswordHandler implements ICommandHandler<
  ResetPasswordCommand,
  ResetPasswordResult
> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ input }: ResetPasswordCommand): Promise<ResetPasswordResult> {
    const passwordHash = await hashPassword(input.password);
    return this.uow.run(async (tx, events) => {
      const spent = await spendUserToken(tx, input.token, 'password_reset');
      if (!spent) throw invalidLink();
      await tx.user.update({
        where: { id: spent.userId },
        data: { passwordHash, emailConfirmed: true },
      });
      const families = await tx.refreshToken.findMany({
        where: { userId: spent.userId, revokedAt: null },
        distinct: ['familyId'],
        select: { familyId: true },
      });
      await tx.refreshToken.updateMany({
        where: { userId: spent.userId, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      events.record(
        new UserLoggedOut({
          actor: { type: 'user', id: spent.userId },
          subject: { type: 'user', id: spent.userId },
          payload: { sessionsRevoked: families.length },
        }),
      );
      return { sessionsRevoked: families.length };
    });
  }
}
