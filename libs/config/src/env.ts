import { z } from 'zod';

/** A boolean environment variable: true/false, 1/0 or yes/no. */
export const envBool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A redis:// or rediss:// URL; `unset` says what happens without one. */
export const envRedisUrl = (unset: string) =>
  z.string().regex(/^rediss?:\/\//, `must be a redis:// or rediss:// URL (unset: ${unset})`);
