import { envBool } from '@dailies/config';
import { z } from 'zod';

/** Where the database is and how the process uses it. */
export const dbConfigSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./.data'),
  DB_POOL_SIZE: z.coerce.number().int().positive().default(10),
  MIGRATE_ON_START: envBool.default(true),
});
export type DbConfig = z.infer<typeof dbConfigSchema>;
