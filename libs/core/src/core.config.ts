import { z } from 'zod';

/** The domain's own settings (the rest of CoreOptions comes from auth's). */
export const coreConfigSchema = z.object({
  INVITATION_TTL_DAYS: z.coerce.number().int().positive().default(14),
  EMAIL_VERIFICATION_TTL_HOURS: z.coerce.number().int().positive().default(48),
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().positive().max(1440).default(60),
  DEFAULT_STORAGE_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 ** 3),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().positive().default(365),
});
export type CoreConfig = z.infer<typeof coreConfigSchema>;
