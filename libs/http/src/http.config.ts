import { envBool } from '@dailies/config';
import { z } from 'zod';

/** What the HTTP server reads. */
export const httpConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.string().url().optional(),
  OPENAPI_DOCS: envBool.default(true),
});
export type HttpConfig = z.infer<typeof httpConfigSchema>;
