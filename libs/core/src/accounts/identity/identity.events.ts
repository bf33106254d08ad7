import { defineEvent } from '@dailies/events';
import { z } from 'zod';

// Identity: sign-up, sessions and API tokens. Payloads never carry secrets or their hashes.

export class UserSignedUp extends defineEvent(
  'user.signed_up',
  1,
  z.object({ email: z.string(), name: z.string(), accountId: z.string() }),
) {}

export class UserLoggedIn extends defineEvent(
  'user.logged_in',
  1,
  z.object({ method: z.enum(['password']), rehashed: z.boolean() }),
) {}

export class UserLoggedOut extends defineEvent(
  'user.logged_out',
  1,
  z.object({ sessionsRevoked: z.number().int() }),
) {}

export class SessionRefreshed extends defineEvent(
  'session.refreshed',
  1,
  z.object({ sessionId: z.string() }),
) {}

export class RefreshTokenReuseDetected extends defineEvent(
  'session.reuse_detected',
  1,
  z.object({ sessionId: z.string() }),
) {}

export class ApiTokenCreated extends defineEvent(
  'api_token.created',
  1,
  z.object({ name: z.string() }),
) {}

export class ApiTokenRevoked extends defineEvent(
  'api_token.revoked',
  1,
  z.object({ name: z.string() }),
) {}

export class UserPasswordChanged extends defineEvent(
  'user.password_changed',
  1,
  z.object({ sessionsRevoked: z.number().int() }),
) {}

/** A new e-mail verification link went out (the user asked, or support sent it with a reason). */
export class EmailVerificationSent extends defineEvent(
  'user.verification_sent',
  1,
  z.object({ email: z.string() }),
) {}

/** Support sent the user a password-reset link (to the address on file; staff never see it). */
export class PasswordResetLinkSent extends defineEvent(
  'user.password_reset_sent',
  1,
  z.object({ email: z.string() }),
) {}
