import { envBool } from '@dailies/config';
import { z } from 'zod';

/** The Support Tool's staff sessions. */
export const supportConfigSchema = z.object({
  /** A session nobody used for this long ends. */
  SUPPORT_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** A session ends this long after sign-in, used or not. */
  SUPPORT_SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  /** Mark the session cookie Secure (browsers keep Secure cookies on http://localhost too). */
  SUPPORT_COOKIE_SECURE: envBool.default(true),
});
export type SupportConfig = z.infer<typeof supportConfigSchema>;
