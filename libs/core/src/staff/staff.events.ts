import { defineEvent } from '@dailies/events';
import { z } from 'zod';

// Support staff and what they do to customers. Payloads never carry secrets. Every staff action
// on a customer carries the `reason` the staff member gave (shown in the customer's audit log).

export class StaffUserCreated extends defineEvent(
  'staff.created',
  1,
  z.object({ email: z.string(), role: z.enum(['support', 'admin']) }),
) {}

export class StaffSignedIn extends defineEvent(
  'staff.signed_in',
  1,
  z.object({ sessionId: z.string() }),
) {}

export class StaffSignInFailed extends defineEvent(
  'staff.sign_in_failed',
  1,
  z.object({ failedAttempts: z.number().int(), lockedUntil: z.string().nullable() }),
) {}

export class StaffSignedOut extends defineEvent(
  'staff.signed_out',
  1,
  z.object({ sessionId: z.string() }),
) {}

export class UserLocked extends defineEvent(
  'user.locked',
  1,
  z.object({
    reason: z.string(),
    /** When the lock ends by itself; null: until unlocked. */
    until: z.string().nullable(),
    sessionsRevoked: z.number().int(),
  }),
) {}

export class UserUnlocked extends defineEvent(
  'user.unlocked',
  1,
  z.object({ reason: z.string() }),
) {}

/** A staff member started a read-only "view as" of a customer (both identities recorded). */
export class ViewAsStarted extends defineEvent(
  'support.view_as_started',
  1,
  z.object({ grantId: z.string(), reason: z.string(), expiresAt: z.string() }),
) {}

/** Support ended every session of a user (without locking them). */
export class UserSessionsEnded extends defineEvent(
  'user.sessions_ended',
  1,
  z.object({ reason: z.string(), sessionsRevoked: z.number().int() }),
) {}
