export * from './define-job';
export * from './schedule';
export * from './job-records';
export * from './jobs';
export * from './jobs.module';
export { JobsEngine, TestClock, UnknownJobError } from './pg-boss-engine';
export type { Clock, JobRunOutcome, JobsTx } from './pg-boss-engine';
export * from './builtin';
export * from './jobs.config';
