import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { requireOperator } from '../../../audit/policies/operator-policy';
import { DeadLettersRedriven } from '../../events/operations.events';
import { ConsumerOperations } from '../../consumer-operations';
import { RedriveDeadLettersCommand } from './redrive-dead-letters.command';

/**
 * Staff and system jobs redrive a consumer's dead letters. The runtime resets them in its own
 * statement (and wakes every instance); the event recording it follows in a transaction of its
 * own — an operator action on the runtime's table, not a change of domain state.
 */
@CommandHandler(RedriveDeadLettersCommand)
export class RedriveDeadLettersHandler implements ICommandHandler<
  RedriveDeadLettersCommand,
  { redriven: number }
> {
  constructor(
    private readonly operations: ConsumerOperations,
    private readonly uow: UnitOfWork,
  ) {}

  async execute({ actor, input }: RedriveDeadLettersCommand): Promise<{ redriven: number }> {
    requireOperator(actor);
    this.operations.requireConsumer(input.consumer);
    const count = await this.operations
      .runtime()
      .deadLetters.redrive(input.consumer, input.all ? 'all' : (input.eventIds ?? []));
    await this.uow.run(async (_tx, events) => {
      events.record(
        new DeadLettersRedriven({
          actor,
          subject: { type: 'consumer', id: input.consumer },
          payload: { consumer: input.consumer, eventIds: input.eventIds ?? null, count },
        }),
      );
    });
    return { redriven: count };
  }
}
