import {
  builtinJobs,
  builtinSchedules,
  JobDefinition,
  schedule,
  ScheduleDefinition,
} from '@dailies/jobs';
import {
  expireReviewLinksJob,
  purgeAuditLogJob,
  purgeTrashJob,
  reconcileUsageJob,
} from './domain-jobs';

/**
 * The one registry of scheduled work: every job and schedule. The platform (`npm start`, unless
 * JOBS_ENABLED=false) and apps/cron both register exactly these, so either (or both, on one
 * database) runs the same schedule — pg-boss fires each occurrence once across instances.
 * The README's "Scheduled jobs" table lists them.
 */
export const scheduledJobs: readonly JobDefinition[] = [
  ...builtinJobs,
  purgeTrashJob,
  expireReviewLinksJob,
  purgeAuditLogJob,
  reconcileUsageJob,
];

export const jobSchedules: readonly ScheduleDefinition[] = [
  ...builtinSchedules,
  schedule(expireReviewLinksJob.name, '*/5 * * * *', { tz: 'UTC', catchUp: 'skip' }),
  schedule(purgeTrashJob.name, '20 4 * * *', { tz: 'UTC', catchUp: 'once' }),
  schedule(purgeAuditLogJob.name, '50 4 * * *', { tz: 'UTC', catchUp: 'once' }),
  schedule(reconcileUsageJob.name, '30 2 * * *', { tz: 'UTC', catchUp: 'once' }),
];
