import { envBool } from '@dailies/config';
import { z } from 'zod';

/** What the HTTP server reads. */
export const httpConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.string().url().optional(),
  OPENAPI_DOCS: envBool.default(true),
  LOAD_SHED_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).default(1000),
  LOAD_SHED_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).default(2),
});
export type HttpConfig = z.infer<typeof httpConfigSchema>;
