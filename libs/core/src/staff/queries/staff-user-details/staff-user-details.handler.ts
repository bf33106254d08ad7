import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, PrismaService } from '@dailies/db';
import { notFound } from '../../../shared/errors';
import { requireStaff } from '../../rules/staff-policy';
import { StaffUserDetailsQuery } from './staff-user-details.query';

export interface StaffUserDetails {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'locked';
  emailConfirmed: boolean;
  /** When a lock ends by itself (null: not locked, or until unlocked). */
  lockedUntil: Date | null;
  createdAt: Date;
  lastLoginAt: Date | null;
  accounts: { id: string; name: string; role: string }[];
  /** Live sessions (refresh-token families neither revoked nor expired). */
  sessions: { id: string; createdAt: Date; expiresAt: Date }[];
  /** Pending invitations to the user's address or sent by the user (what support may resend). */
  invitations: {
    id: string;
    email: string;
    accountId: string;
    accountName: string;
    role: string;
    expiresAt: Date;
    expired: boolean;
  }[];
}

@QueryHandler(StaffUserDetailsQuery)
export class StaffUserDetailsHandler implements IQueryHandler<
  StaffUserDetailsQuery,
  StaffUserDetails
> {
  constructor(private readonly prisma: PrismaService) {}

  async execute({ actor, userId }: StaffUserDetailsQuery): Promise<StaffUserDetails> {
    requireStaff(actor);
    if (!isUuid(userId)) throw notFound('User');
    const user = await this.prisma.user.findUnique({
      where: { id: userId },
      include: {
        staffLock: true,
        memberships: { include: { account: true }, orderBy: { createdAt: 'asc' } },
        refreshTokens: {
          where: { revokedAt: null, rotatedAt: null, expiresAt: { gt: new Date() } },
          orderBy: { createdAt: 'desc' },
        },
      },
    });
    if (!user) throw notFound('User');
    const invitations = await this.prisma.invitation.findMany({
      where: {
        OR: [{ email: user.email }, { invitedById: user.id }],
        acceptedAt: null,
        revokedAt: null,
      },
      include: { account: { select: { name: true } } },
      orderBy: { createdAt: 'desc' },
      take: 50,
    });
    const now = Date.now();
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      status: user.status,
      emailConfirmed: user.emailConfirmed,
      lockedUntil: user.status === 'locked' ? (user.staffLock?.lockedUntil ?? null) : null,
      createdAt: user.createdAt,
      lastLoginAt: user.lastLoginAt,
      accounts: user.memberships.map((m) => ({
        id: m.accountId,
        name: m.account.name,
        role: m.role,
      })),
      sessions: user.refreshTokens.map((t) => ({
        id: t.familyId,
        createdAt: t.createdAt,
        expiresAt: t.expiresAt,
      })),
      invitations: invitations.map((i) => ({
        id: i.id,
        email: i.email,
        accountId: i.accountId,
        accountName: i.account.name,
        role: i.projectRole ?? i.role,
        expiresAt: i.expiresAt,
        expired: i.expiresAt.getTime() <= now,
      })),
    };
  }
}
