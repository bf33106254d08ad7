import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { hashToken, tokenKind } from '@dailies/auth';
import { PrismaService } from '@dailies/db';
import { unauthenticated } from '../../../../shared/errors';
import { LiveSessionCache } from '../../rules/live-session-cache';
import { isLocked, lockFactsSelect } from '../../rules/user-lock';
import { SessionIssuer } from '../../rules/session-issuer';
import { AuthenticateTokenQuery, Principal } from './authenticate-token.query';

const LAST_USED_RESOLUTION_MS = 60_000;

@QueryHandler(AuthenticateTokenQuery)
export class AuthenticateTokenHandler implements IQueryHandler<AuthenticateTokenQuery, Principal> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sessions: SessionIssuer,
    private readonly liveSessions: LiveSessionCache,
  ) {}

  async execute({ token }: AuthenticateTokenQuery): Promise<Principal> {
    if (tokenKind(token) === 'pat') return this.apiToken(token);
    const claims = await this.sessions.signer.verify(token);
    if (!claims) throw unauthenticated('Access token is invalid or expired');
    // A logged-out session or a locked user stops working at once, not when the JWT expires:
    // the cached answer is dropped by the events that end sessions (LiveSessionCache).
    await this.liveSessions.requireLive(claims.userId, claims.sessionId, async () => {
      const rows = await this.prisma.$queryRaw<{ ok: boolean }[]>`
        SELECT EXISTS (
          SELECT 1 FROM users u JOIN refresh_tokens r ON r.user_id = u.id
          WHERE u.id = ${claims.userId}::uuid
            AND (u.status = 'active' OR (u.status = 'locked' AND EXISTS (
              SELECT 1 FROM staff_user_locks l WHERE l.user_id = u.id AND l.locked_until <= now())))
            AND r.family_id = ${claims.sessionId}::uuid AND r.revoked_at IS NULL
        ) AS ok`;
      return rows[0]?.ok === true;
    });
    return { userId: claims.userId, sessionId: claims.sessionId };
  }

  private async apiToken(token: string): Promise<Principal> {
    const row = await this.prisma.apiToken.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { user: { select: lockFactsSelect } },
    });
    if (
      !row ||
      row.revokedAt ||
      isLocked(row.user) ||
      (row.expiresAt && row.expiresAt <= new Date())
    )
      throw unauthenticated('API token is invalid, expired or revoked');
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      // Coarse on purpose: one write a minute per token, not one per request.
      await this.prisma.apiToken.update({
        where: { id: row.id },
        data: { lastUsedAt: new Date() },
      });
    }
    return { userId: row.userId, apiTokenId: row.id, readOnly: row.scope === 'read' };
  }
}
