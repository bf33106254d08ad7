import type { Invitation } from '@dailies/db';
import { z } from 'zod';
import { isoTime } from '../../../shared/views/iso-time';

// What the domain hands to transports: plain JSON-ready objects, no secrets.

const invitationStatuses = z.enum(['pending', 'accepted', 'revoked', 'expired']);

export function invitationStatus(
  i: Invitation,
  now = new Date(),
): z.infer<typeof invitationStatuses> {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return i.expiresAt <= now ? 'expired' : 'pending';
}

export const invitationViewSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    teamId: z.string().nullable(),
    email: z.string(),
    role: z.enum(['owner', 'admin', 'member']),
    projectId: z
      .string()
      .nullable()
      .meta({ description: 'A project invitation: joins this project only, not the account' }),
    projectRole: z.enum(['editor', 'reviewer', 'viewer']).nullable(),
    status: invitationStatuses,
    invitedById: z.string(),
    expiresAt: isoTime,
    acceptedAt: isoTime.nullable(),
    createdAt: isoTime,
  })
  .meta({ id: 'InvitationView' });
export type InvitationView = z.infer<typeof invitationViewSchema>;

export const toInvitationView = (i: Invitation): InvitationView => ({
  id: i.id,
  accountId: i.accountId,
  teamId: i.teamId,
  email: i.email,
  role: i.role,
  projectId: i.projectId,
  projectRole: i.projectRole,
  status: invitationStatus(i),
  invitedById: i.invitedById,
  expiresAt: i.expiresAt.toISOString(),
  acceptedAt: i.acceptedAt?.toISOString() ?? null,
  createdAt: i.createdAt.toISOString(),
});

/** The answer to creating an invitation: the only time its token is shown. */
export const createdInvitationViewSchema = invitationViewSchema
  .extend({ token: z.string().meta({ description: 'Shown once: share it with the invitee' }) })
  .meta({ id: 'CreatedInvitationView' });
