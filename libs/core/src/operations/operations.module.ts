import { Module } from '@nestjs/common';
import { RedriveDeadLettersHandler } from './commands/redrive-dead-letters/redrive-dead-letters.handler';
import { ReplayEventsHandler } from './commands/replay-events/replay-events.handler';
import { ConsumerOperations } from './consumer-operations';
import { ListDeadLettersHandler } from './queries/list-dead-letters/list-dead-letters.handler';

/** Operating the event system: dead letters and replays (staff and system jobs). */
@Module({
  providers: [
    ConsumerOperations,
    ListDeadLettersHandler,
    RedriveDeadLettersHandler,
    ReplayEventsHandler,
  ],
})
export class OperationsModule {}
