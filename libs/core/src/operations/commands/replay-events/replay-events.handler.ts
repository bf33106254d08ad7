import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { requireOperator } from '../../../audit/policies/operator-policy';
import { EventsReplayed } from '../../events/operations.events';
import { ConsumerOperations } from '../../consumer-operations';
import { ReplayEventsCommand } from './replay-events.command';

@CommandHandler(ReplayEventsCommand)
export class ReplayEventsHandler implements ICommandHandler<
  ReplayEventsCommand,
  { scheduled: number }
> {
  constructor(
    private readonly operations: ConsumerOperations,
    private readonly uow: UnitOfWork,
  ) {}

  async execute({ actor, input }: ReplayEventsCommand): Promise<{ scheduled: number }> {
    requireOperator(actor);
    this.operations.requireConsumer(input.consumer);
    const count = await this.operations
      .runtime()
      .replay.replay(input.consumer, { from: input.from, to: input.to });
    await this.uow.run(async (_tx, events) => {
      events.record(
        new EventsReplayed({
          actor,
          subject: { type: 'consumer', id: input.consumer },
          payload: {
            consumer: input.consumer,
            from: input.from.toISOString(),
            to: input.to.toISOString(),
            count,
          },
        }),
      );
    });
    return { scheduled: count };
  }
}
