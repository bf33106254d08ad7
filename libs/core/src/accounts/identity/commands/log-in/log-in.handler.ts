import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hashPassword, verifyPassword } from '@dailies/auth';
import { PrismaService } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { forbidden, unauthenticated } from '../../../../shared/errors';
import { UserLoggedIn } from '../../../events';
import { LoginThrottle } from '../../rules/login-throttle';
import { isLocked } from '../../rules/user-lock';
import { IssuedSession, SessionIssuer } from '../../rules/session-issuer';
import { toUserView, UserView } from '../../../account';
import { LogInCommand } from './log-in.command';

export interface LogInResult extends IssuedSession {
  user: UserView;
}

const BAD_CREDENTIALS = 'Email or password is incorrect';

/**
 * Password login. Unknown emails and wrong passwords get the same answer in the same time;
 * attempts are counted before they are judged, per account and IP and per IP (LoginThrottle); legacy bcrypt digests are upgraded on success.
 */
@CommandHandler(LogInCommand)
export class LogInHandler implements ICommandHandler<LogInCommand, LogInResult> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly uow: UnitOfWork,
    private readonly sessions: SessionIssuer,
    private readonly throttle: LoginThrottle,
  ) {}

  async execute({ input, ip }: LogInCommand): Promise<LogInResult> {
    const email = input.email.toLowerCase();
    // Counted before it is judged: parallel guesses cannot all slip under the limit.
    await this.throttle.take(email, ip);
    const user = await this.prisma.user.findUnique({ where: { email } });
    const check = await verifyPassword(input.password, user?.passwordHash);
    if (!user || !check.ok) throw unauthenticated(BAD_CREDENTIALS);
    await this.throttle.succeeded(email, ip);
    if (isLocked(user))
      throw forbidden('This user is locked; contact your account owner or support');
    const newHash = check.needsRehash ? await hashPassword(input.password) : undefined;

    return this.uow.run(async (tx, events) => {
      // A sign-in (and the rehash that may come with it) is not a change the user made:
      // updated_at stays, last_login_at moves (the legacy /v1 record serves it).
      const current = await tx.user.update({
        where: { id: user.id },
        data: {
          ...(newHash ? { passwordHash: newHash } : {}),
          lastLoginAt: new Date(),
          updatedAt: user.updatedAt,
        },
      });
      const session = await this.sessions.issue(tx, user.id);
      events.record(
        new UserLoggedIn({
          actor: { type: 'user', id: user.id },
          subject: { type: 'user', id: user.id },
          payload: { method: 'password', rehashed: Boolean(newHash) },
        }),
      );
      return { ...session, user: toUserView(current) };
    });
  }
}
