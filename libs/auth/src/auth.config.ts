import { z } from 'zod';

/** Tokens and sign-in throttling. */
export const authConfigSchema = z.object({
  /** Unset (and no JWT_SIGNING_KEYS / JWT_SECRET_FILE): generated once and kept in the database. */
  JWT_SECRET: z.string().min(32).optional(),
  /** `kid:secret` pairs, comma-separated; the first signs, all verify (key rotation). */
  JWT_SIGNING_KEYS: z.string().min(1).optional(),
  /** A file holding the key(s) (a mounted secret): `kid:secret` pairs, or one plain secret. */
  JWT_SECRET_FILE: z.string().min(1).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().positive().default(30),
  LOGIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
  /** Failed logins per account from addresses it never signed in from, across all of them. */
  LOGIN_MAX_FAILURES_PER_USER: z.coerce.number().int().positive().default(20),
  LOGIN_THROTTLE_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
});
export type AuthConfig = z.infer<typeof authConfigSchema>;
