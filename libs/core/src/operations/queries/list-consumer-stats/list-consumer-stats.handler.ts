import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ConsumerStats } from '@dailies/events';
import { requireOperator } from '../../../audit/policies/operator-policy';
import { ConsumerOperations } from '../../consumer-operations';
import { ListConsumerStatsQuery } from './list-consumer-stats.query';

@QueryHandler(ListConsumerStatsQuery)
export class ListConsumerStatsHandler implements IQueryHandler<
  ListConsumerStatsQuery,
  ConsumerStats[]
> {
  constructor(private readonly operations: ConsumerOperations) {}

  async execute({ actor }: ListConsumerStatsQuery): Promise<ConsumerStats[]> {
    requireOperator(actor);
    return this.operations.runtime().stats.snapshot();
  }
}
