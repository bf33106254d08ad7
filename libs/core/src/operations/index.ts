export * from './commands/redrive-dead-letters/redrive-dead-letters.command';
export * from './commands/replay-events/replay-events.command';
export * from './queries/list-dead-letters/list-dead-letters.query';
export * from './queries/list-consumer-stats/list-consumer-stats.query';
export * from './queries/list-jobs/list-jobs.query';
export type { JobOverview } from './queries/list-jobs/list-jobs.handler';
export * from './commands/retry-job-dead-letters/retry-job-dead-letters.command';
export * from './events';
export * from './operations.module';
