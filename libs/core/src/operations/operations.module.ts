import { Module } from '@nestjs/common';
import { RedriveDeadLettersHandler } from './commands/redrive-dead-letters/redrive-dead-letters.handler';
import { ReplayEventsHandler } from './commands/replay-events/replay-events.handler';
import { ConsumerOperations } from './consumer-operations';
import { RetryJobDeadLettersHandler } from './commands/retry-job-dead-letters/retry-job-dead-letters.handler';
import { GetDynasaurRunHandler } from './queries/get-dynasaur-run/get-dynasaur-run.handler';
import { ListDynasaurRunsHandler } from './queries/list-dynasaur-runs/list-dynasaur-runs.handler';
import { ListJobsHandler } from './queries/list-jobs/list-jobs.handler';
import { ListConsumerStatsHandler } from './queries/list-consumer-stats/list-consumer-stats.handler';
import { ListDeadLettersHandler } from './queries/list-dead-letters/list-dead-letters.handler';

/** Operating the event system: dead letters and replays (staff and system jobs). */
@Module({
  providers: [
    ConsumerOperations,
    ListDeadLettersHandler,
    ListConsumerStatsHandler,
    ListJobsHandler,
    ListDynasaurRunsHandler,
    GetDynasaurRunHandler,
    RetryJobDeadLettersHandler,
    RedriveDeadLettersHandler,
    ReplayEventsHandler,
  ],
})
export class OperationsModule {}
