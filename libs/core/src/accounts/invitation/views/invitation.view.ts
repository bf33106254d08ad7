import type { Invitation } from '@dailies/db';

// What the domain hands to transports: plain JSON-ready objects, no secrets.

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
