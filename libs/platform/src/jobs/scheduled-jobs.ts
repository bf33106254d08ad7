import {
  builtinJobs,
  builtinSchedules,
  JobDefinition,
  schedule,
  ScheduleDefinition,
} from '@dailies/jobs';
import {
  abortStaleUploadsJob,
  expireReviewLinksJob,
  purgeAuditLogJob,
  purgeTrashJob,
  reconcileUsageJob,
  sendDigestsJob,
} from './domain-jobs';
import { processAssetMediaJob } from './media-jobs';

/**
 * The one registry of scheduled work: every job and schedule. The platform (`npm start`, unless
 * JOBS_ENABLED=false) and apps/cron both register exactly these, so either (or both, on one
 * database) runs the same schedule — pg-boss fires each occurrence once across instances.
 * The README's "Scheduled jobs" table lists them.
 */
export const scheduledJobs: readonly JobDefinition[] = [
  ...builtinJobs,
  sendDigestsJob,
  purgeTrashJob,
  expireReviewLinksJob,
  purgeAuditLogJob,
  reconcileUsageJob,
  abortStaleUploadsJob,
  // Not scheduled: enqueued by upload completion.
  processAssetMediaJob,
];

export function jobSchedules(config: {
  NOTIFICATIONS_DIGEST_HOUR: number;
}): readonly ScheduleDefinition[] {
  return [
    ...builtinSchedules,
    // Every 15 minutes: users' local hours start at :00, :30 or :45 UTC. A digest window starts
    // where the user's last one ended, so a missed run loses nothing (the next covers it).
    schedule(sendDigestsJob.name, '*/15 * * * *', {
      tz: 'UTC',
      catchUp: 'once',
      payload: { dailyHour: config.NOTIFICATIONS_DIGEST_HOUR },
    }),
    schedule(expireReviewLinksJob.name, '*/5 * * * *', { tz: 'UTC', catchUp: 'skip' }),
    schedule(purgeTrashJob.name, '20 4 * * *', { tz: 'UTC', catchUp: 'once' }),
    schedule(purgeAuditLogJob.name, '50 4 * * *', { tz: 'UTC', catchUp: 'once' }),
    schedule(reconcileUsageJob.name, '30 2 * * *', { tz: 'UTC', catchUp: 'once' }),
    schedule(abortStaleUploadsJob.name, '25 * * * *', { tz: 'UTC', catchUp: 'skip' }),
  ];
}
