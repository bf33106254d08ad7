import { schedule } from '../schedule';
import { pruneDeliveredEventsJob } from './prune-delivered-events.job';
import { pruneLoginThrottlesJob } from './prune-login-throttles.job';
import { pruneProcessedEventsJob } from './prune-processed-events.job';

export { pruneDeliveredEventsJob, pruneLoginThrottlesJob, pruneProcessedEventsJob };

/** The housekeeping jobs that need no domain command. */
export const builtinJobs = [
  pruneProcessedEventsJob,
  pruneLoginThrottlesJob,
  pruneDeliveredEventsJob,
];

/** Their schedules: nightly in UTC, spread out; a run missed during a deploy runs once. */
export const builtinSchedules = [
  schedule(pruneDeliveredEventsJob.name, '10 3 * * *', { tz: 'UTC', catchUp: 'once' }),
  schedule(pruneProcessedEventsJob.name, '40 3 * * *', { tz: 'UTC', catchUp: 'once' }),
  schedule(pruneLoginThrottlesJob.name, '17 * * * *', { tz: 'UTC', catchUp: 'skip' }),
];
