import { envBool } from '@dailies/config';
import { z } from 'zod';

/** How this process takes part in event delivery (the consumer runtime). */
export const eventsConfigSchema = z.object({
  EVENTS_DELIVER: envBool.default(true),
  EVENTS_SWEEP_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  EVENTS_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  EVENTS_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  EVENTS_MAX_LAG_SECONDS: z.coerce.number().int().positive().default(60),
});
export type EventsConfig = z.infer<typeof eventsConfigSchema>;
