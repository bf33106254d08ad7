import type { SigningKey } from '@dailies/auth';

export const CORE_OPTIONS = Symbol('CORE_OPTIONS');

/** Settings the domain needs, resolved from validated config by the composition root. */
export interface CoreOptions {
  /** The access-token signing keys; the first signs, all verify. */
  jwtKeys: readonly SigningKey[];
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  invitationTtlDays: number;
  emailVerificationTtlHours: number;
  passwordResetTtlMinutes: number;
  loginMaxFailuresPerEmail: number;
  loginMaxFailuresPerIp: number;
  /** Failed logins per account across every address it has not signed in from before. */
  loginMaxFailuresPerUser: number;
  loginThrottleWindowSeconds: number;
  defaultStorageLimitBytes: number;
}
