import { envBool } from '@dailies/config';
import { z } from 'zod';

/** A comma-separated list, blanks dropped ("" → []). */
const csv = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

/** What the HTTP server reads. */
export const httpConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.string().url().optional(),
  LOAD_SHED_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).default(1000),
  LOAD_SHED_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).default(2),
  OPENAPI_DOCS: envBool.optional(),
  /**
   * Addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For is believed; default
   * none (the socket's peer is the client). See docs/security.md for Kubernetes.
   */
  TRUSTED_PROXIES: csv.pipe(
    z.array(
      z
        .string()
        .regex(/^[\da-fA-F:.]+(\/\d{1,3})?$/, 'an IP address or CIDR range (e.g. 10.0.0.0/8)'),
    ),
  ),
  /** Origins allowed to call the API from a browser (CORS); default none. */
  CORS_ORIGINS: csv.pipe(z.array(z.string().url('an origin such as https://app.example.com'))),
});
export type HttpConfig = z.infer<typeof httpConfigSchema>;
