import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, PrismaService } from '@dailies/db';
import { requireStaff } from '../../rules/staff-policy';
import { StaffSearchQuery } from './staff-search.query';

const LIMIT = 20;

export interface StaffSearchResults {
  users: { id: string; email: string; name: string; status: string }[];
  accounts: { id: string; name: string; plan: string }[];
  projects: { id: string; name: string; accountId: string }[];
  assets: {
    id: string;
    name: string;
    projectId: string;
    legacyId: string | null;
    trashed: boolean;
  }[];
  invitations: { id: string; email: string; accountId: string; status: string }[];
  /** Audit entries recorded under a request id (what a customer quotes from an error). */
  requests: { eventId: string; action: string; accountId: string | null; requestId: string }[];
}

/**
 * Staff search: ids and legacy ids exactly, e-mails and names by substring (case-insensitive),
 * at most 20 of each kind. Staff only; customers have their own scoped searches.
 */
@QueryHandler(StaffSearchQuery)
export class StaffSearchHandler implements IQueryHandler<StaffSearchQuery, StaffSearchResults> {
  constructor(private readonly prisma: PrismaService) {}

  async execute({ actor, input }: StaffSearchQuery): Promise<StaffSearchResults> {
    requireStaff(actor);
    const q = input.q;
    const id = isUuid(q) ? q : undefined;
    const text = { contains: q, mode: 'insensitive' as const };
    const [users, accounts, projects, assets, invitations, requests] = await Promise.all([
      this.prisma.user.findMany({
        where: { OR: [...(id ? [{ id }] : []), { email: text }, { name: text }, { legacyId: q }] },
        take: LIMIT,
        orderBy: { email: 'asc' },
      }),
      this.prisma.account.findMany({
        where: { OR: [...(id ? [{ id }] : []), { name: text }, { legacyId: q }] },
        take: LIMIT,
        orderBy: { name: 'asc' },
      }),
      this.prisma.project.findMany({
        where: { OR: [...(id ? [{ id }] : []), { name: text }, { legacyId: q }] },
        take: LIMIT,
        orderBy: { name: 'asc' },
      }),
      this.prisma.asset.findMany({
        where: { OR: [...(id ? [{ id }] : []), { legacyId: q }, { name: text }] },
        take: LIMIT,
        orderBy: { name: 'asc' },
      }),
      this.prisma.invitation.findMany({
        where: { OR: [...(id ? [{ id }] : []), { email: text }] },
        take: LIMIT,
        orderBy: { createdAt: 'desc' },
      }),
      this.prisma.auditLogEntry.findMany({
        where: { requestId: q },
        take: LIMIT,
        orderBy: { occurredAt: 'desc' },
      }),
    ]);
    const now = new Date();
    return {
      users: users.map((u) => ({ id: u.id, email: u.email, name: u.name, status: u.status })),
      accounts: accounts.map((a) => ({ id: a.id, name: a.name, plan: a.plan })),
      projects: projects.map((p) => ({ id: p.id, name: p.name, accountId: p.accountId })),
      assets: assets.map((a) => ({
        id: a.id,
        name: a.name,
        projectId: a.projectId,
        legacyId: a.legacyId,
        trashed: a.deletedAt !== null,
      })),
      invitations: invitations.map((i) => ({
        id: i.id,
        email: i.email,
        accountId: i.accountId,
        status: i.acceptedAt
          ? 'accepted'
          : i.revokedAt
            ? 'revoked'
            : i.expiresAt <= now
              ? 'expired'
              : 'pending',
      })),
      requests: requests.map((r) => ({
        eventId: r.eventId,
        action: r.action,
        accountId: r.accountId,
        requestId: r.requestId ?? q,
      })),
    };
  }
}
