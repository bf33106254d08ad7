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
import { UserUnlocked } from '../../../../staff/staff.events';
import { LogInCommand } from './log-in.command';

export interface LogInResult extends IssuedSession {
  user: UserView;
}

const BAD_CREDENTIALS = 'Email or password is incorrect';

/**
 * Password login. Unknown emails and wrong passwords get the same answer in the same time;
 * attempts are counted before they are judged, per account and IP, per IP and per account from
 * unknown addresses (LoginThrottle); legacy bcrypt digests are upgraded on success.
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
    const budgets = await this.throttle.take(email, ip);
    const user = await this.prisma.user.findUnique({
      where: { email },
      include: { staffLock: { select: { lockedUntil: true } } },
    });
    const check = await verifyPassword(input.password, user?.passwordHash);
    if (!user || !check.ok) throw unauthenticated(BAD_CREDENTIALS);
    await this.throttle.succeeded(user.id, ip, budgets);
    // One lock mechanism (isLocked): a lock support gave an end to (staff_user_locks) has ended
    // once that end passed, and the first sign-in after it lifts it for good.
    if (isLocked(user))
      throw forbidden('This user is locked; contact your account owner or support');
    const lockExpired = user.status === 'locked';
    const newHash = check.needsRehash ? await hashPassword(input.password) : undefined;

    return this.uow.run(async (tx, events) => {
      // A sign-in (and the rehash that may come with it) is not a change the user made:
      // updated_at stays, last_login_at moves (the legacy /v1 record serves it).
      const current = await tx.user.update({
        where: { id: user.id },
        data: {
          ...(newHash ? { passwordHash: newHash } : {}),
          ...(lockExpired ? { status: 'active' as const } : {}),
          lastLoginAt: new Date(),
          updatedAt: user.updatedAt,
        },
      });
      if (lockExpired) {
        await tx.staffUserLock.deleteMany({ where: { userId: user.id } });
        events.record(
          new UserUnlocked({
            actor: { type: 'system', name: 'lock-expiry' },
            subject: { type: 'user', id: user.id },
            payload: { reason: 'The lock support set has ended' },
          }),
        );
      }
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
