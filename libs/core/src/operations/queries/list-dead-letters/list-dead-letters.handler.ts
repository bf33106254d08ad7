import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DeadLetterPage, InvalidCursorError } from '@dailies/events';
import { requireOperator } from '../../../audit/policies/operator-policy';
import { validationFailed } from '../../../shared/errors';
import { ConsumerOperations } from '../../consumer-operations';
import { ListDeadLettersQuery } from './list-dead-letters.query';

@QueryHandler(ListDeadLettersQuery)
export class ListDeadLettersHandler implements IQueryHandler<ListDeadLettersQuery, DeadLetterPage> {
  constructor(private readonly operations: ConsumerOperations) {}

  async execute({ actor, input }: ListDeadLettersQuery): Promise<DeadLetterPage> {
    requireOperator(actor);
    if (input.consumer) this.operations.requireConsumer(input.consumer);
    try {
      return await this.operations
        .runtime()
        .deadLetters.listDeadLetters(input.consumer, { limit: input.limit, cursor: input.cursor });
    } catch (error) {
      if (error instanceof InvalidCursorError) {
        throw validationFailed([{ field: 'cursor', message: 'is not a cursor this API returned' }]);
      }
      throw error;
    }
  }
}
