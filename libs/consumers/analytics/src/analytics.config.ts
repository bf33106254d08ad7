import { z } from 'zod';

/** Where analytics records go and how they are batched. */
export const analyticsConfigSchema = z.object({
  ANALYTICS_SINK: z.enum(['table', 'segment']).default('table'),
  ANALYTICS_ENDPOINT: z.string().url().default('https://api.segment.io/v1/batch'),
  /** Required with ANALYTICS_SINK=segment. */
  ANALYTICS_WRITE_KEY: z.string().min(1).optional(),
  ANALYTICS_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(100),
  ANALYTICS_FLUSH_MS: z.coerce.number().int().min(1).max(60_000).default(1000),
  ANALYTICS_DEDUPE_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
});
export type AnalyticsConfig = z.infer<typeof analyticsConfigSchema>;
