import { z } from 'zod';

/** When e-mail digests leave. */
export const notificationsConfigSchema = z.object({
  NOTIFICATIONS_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
});
export type NotificationsConfig = z.infer<typeof notificationsConfigSchema>;
