import { defineEvent } from '@dailies/events';
import { z } from 'zod';

export class InvitationCreated extends defineEvent(
  'invitation.created',
  1,
  z.object({
    email: z.string(),
    role: z.enum(['admin', 'member']),
    teamId: z.string().nullable(),
    expiresAt: z.string(),
  }),
) {}

export class InvitationRevoked extends defineEvent(
  'invitation.revoked',
  1,
  z.object({ email: z.string() }),
) {}

export class InvitationAccepted extends defineEvent(
  'invitation.accepted',
  1,
  z.object({
    userId: z.string(),
    email: z.string(),
    role: z.enum(['admin', 'member']),
    teamId: z.string().nullable(),
  }),
) {}

/** A pending invitation was sent again, with a new link (the old one stops working). */
export class InvitationResent extends defineEvent(
  'invitation.resent',
  1,
  z.object({ email: z.string(), expiresAt: z.string() }),
) {}
