import { envBool } from '@dailies/config';
import { z } from 'zod';

/** Whether this process runs the schedules and job workers (the platform and apps/cron). */
export const jobsConfigSchema = z.object({
  JOBS_ENABLED: envBool.default(true),
});
export type JobsConfig = z.infer<typeof jobsConfigSchema>;
