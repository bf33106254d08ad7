import { CronExpressionParser } from 'cron-parser';

/**
 * What a schedule does about runs that came due while no instance was running:
 * `skip` drops them; `once` runs the job once for the latest of them, however many were missed.
 */
export type CatchUpPolicy = 'skip' | 'once';

export interface ScheduleDefinition {
  readonly job: string;
  readonly cron: string;
  readonly tz: string;
  readonly catchUp: CatchUpPolicy;
  readonly payload: Record<string, unknown>;
}

export interface ScheduleOptions {
  /** IANA time zone the cron expression is read in (default UTC). */
  tz?: string;
  /** Default `once`: a nightly job missed during a deploy still runs. */
  catchUp?: CatchUpPolicy;
  payload?: Record<string, unknown>;
}

/** A recurring run of a job; validated here so a typo fails at start, not at 3 a.m. */
export function schedule(
  job: string,
  cron: string,
  options: ScheduleOptions = {},
): ScheduleDefinition {
  const tz = options.tz ?? 'UTC';
  try {
    Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    throw new Error(`Schedule of "${job}": unknown time zone "${tz}"`);
  }
  try {
    CronExpressionParser.parse(cron, { tz });
  } catch (error) {
    throw new Error(`Schedule of "${job}": invalid cron "${cron}": ${(error as Error).message}`);
  }
  return { job, cron, tz, catchUp: options.catchUp ?? 'once', payload: options.payload ?? {} };
}
