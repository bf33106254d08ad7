import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hashToken } from '@dailies/auth';
import { PrismaService } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { unauthenticated } from '../../../../shared/errors';
import { RefreshTokenReuseDetected, SessionRefreshed } from '../../../events';
import { isLocked, lockFactsSelect } from '../../rules/user-lock';
import { IssuedSession, SessionIssuer } from '../../rules/session-issuer';
import { RefreshSessionCommand } from './refresh-session.command';

const INVALID = 'Refresh token is invalid or expired; log in again';

/**
 * Rotates a refresh token: the presented token is spent and a new one of the same family is
 * issued. Presenting an already-rotated token means it leaked: the whole family is revoked.
 */
@CommandHandler(RefreshSessionCommand)
export class RefreshSessionHandler implements ICommandHandler<
  RefreshSessionCommand,
  IssuedSession
> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly uow: UnitOfWork,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute({ input }: RefreshSessionCommand): Promise<IssuedSession> {
    const tokenHash = hashToken(input.refreshToken);
    const outcome = await this.uow.run(async (tx, events) => {
      // Lock the row: two concurrent refreshes with one token must not both succeed.
      const rows = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM refresh_tokens WHERE token_hash = ${tokenHash} FOR UPDATE`;
      if (rows.length === 0) return { error: INVALID } as const;
      const token = await tx.refreshToken.findUniqueOrThrow({
        where: { id: rows[0].id },
        include: { user: { select: lockFactsSelect } },
      });
      const actor = { type: 'user' as const, id: token.userId };
      if (token.rotatedAt && !token.revokedAt) {
        await tx.refreshToken.updateMany({
          where: { familyId: token.familyId, revokedAt: null },
          data: { revokedAt: new Date() },
        });
        events.record(
          new RefreshTokenReuseDetected({
            actor,
            subject: { type: 'user', id: token.userId },
            payload: { sessionId: token.familyId },
          }),
        );
        return {
          error: 'Refresh token was already used; the session has been revoked for safety',
        } as const;
      }
      if (
        token.revokedAt ||
        token.rotatedAt ||
        token.expiresAt <= new Date() ||
        isLocked(token.user)
      ) {
        return { error: INVALID } as const;
      }
      await tx.refreshToken.update({ where: { id: token.id }, data: { rotatedAt: new Date() } });
      const session = await this.sessions.issue(tx, token.userId, token.familyId);
      events.record(
        new SessionRefreshed({
          actor,
          subject: { type: 'user', id: token.userId },
          payload: { sessionId: token.familyId },
        }),
      );
      return { session } as const;
    });
    // The revocation must commit, so the refusal is thrown only after the transaction.
    if ('error' in outcome) throw unauthenticated(outcome.error);
    return outcome.session;
  }
}
