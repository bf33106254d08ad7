import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { hashToken } from '@dailies/auth';
import { PrismaService } from '@dailies/db';
import { StaffView, toStaffView } from '../../views/staff.view';
import { AuthenticateStaffSessionQuery } from './authenticate-staff-session.query';

export interface StaffSession {
  staff: StaffView;
  sessionId: string;
  csrfToken: string;
}

/**
 * Resolves a session cookie. A session idle for longer than the timeout ends (it is revoked, so
 * it stays ended); an active one slides its idle window forward — the one write a read makes,
 * at most once a minute per session.
 */
@QueryHandler(AuthenticateStaffSessionQuery)
export class AuthenticateStaffSessionHandler implements IQueryHandler<
  AuthenticateStaffSessionQuery,
  StaffSession | null
> {
  constructor(private readonly prisma: PrismaService) {}

  async execute({
    token,
    idleTimeoutSeconds,
  }: AuthenticateStaffSessionQuery): Promise<StaffSession | null> {
    if (!token.startsWith('dly_staff_') || token.length > 100) return null;
    const session = await this.prisma.staffSession.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { staffUser: true },
    });
    const now = Date.now();
    if (!session || session.revokedAt || session.expiresAt.getTime() <= now) return null;
    if (session.staffUser.disabledAt) return null;
    if (session.lastSeenAt.getTime() + idleTimeoutSeconds * 1000 <= now) {
      await this.prisma.staffSession.update({
        where: { id: session.id },
        data: { revokedAt: new Date(now) },
      });
      return null;
    }
    if (now - session.lastSeenAt.getTime() > 60_000) {
      await this.prisma.staffSession.update({
        where: { id: session.id },
        data: { lastSeenAt: new Date(now) },
      });
    }
    return {
      staff: toStaffView(session.staffUser),
      sessionId: session.id,
      csrfToken: session.csrfToken,
    };
  }
}
