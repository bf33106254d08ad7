import type { Account, Invitation, Membership, Team, User } from '@dailies/db';

// What the domain hands to transports: plain JSON-ready objects, no secrets.

export interface UserView {
  id: string;
  email: string;
  name: string;
  status: string;
  timezone: string;
  createdAt: string;
  updatedAt: string;
}

export const toUserView = (u: User): UserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  status: u.status,
  timezone: u.timezone,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

export const toAccountView = (a: Account, role?: string) => ({
  id: a.id,
  name: a.name,
  plan: a.plan,
  storageLimitBytes: Number(a.storageLimitBytes),
  ...(role ? { role } : {}),
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});
export type AccountView = ReturnType<typeof toAccountView>;

export const toMemberView = (m: Membership & { user: User }) => ({
  userId: m.userId,
  accountId: m.accountId,
  role: m.role,
  email: m.user.email,
  name: m.user.name,
  status: m.user.status,
  joinedAt: m.createdAt.toISOString(),
});
export type MemberView = ReturnType<typeof toMemberView>;

export const toTeamView = (t: Team, memberCount?: number) => ({
  id: t.id,
  accountId: t.accountId,
  name: t.name,
  ...(memberCount !== undefined ? { memberCount } : {}),
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});
export type TeamView = ReturnType<typeof toTeamView>;

export function invitationStatus(
  i: Invitation,
  now = new Date(),
): 'pending' | 'accepted' | 'revoked' | 'expired' {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return i.expiresAt <= now ? 'expired' : 'pending';
}

export const toInvitationView = (i: Invitation) => ({
  id: i.id,
  accountId: i.accountId,
  teamId: i.teamId,
  email: i.email,
  role: i.role,
  status: invitationStatus(i),
  invitedById: i.invitedById,
  expiresAt: i.expiresAt.toISOString(),
  acceptedAt: i.acceptedAt?.toISOString() ?? null,
  createdAt: i.createdAt.toISOString(),
});
export type InvitationView = ReturnType<typeof toInvitationView>;
