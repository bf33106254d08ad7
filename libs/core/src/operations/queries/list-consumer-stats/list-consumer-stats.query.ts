import { Query } from '@nestjs/cqrs';
import type { ConsumerStats } from '@dailies/events';
import { Actor } from '@dailies/events';

/** Every event consumer's backlog (pending, lag, dead letters) and this instance's counters. */
export class ListConsumerStatsQuery extends Query<ConsumerStats[]> {
  constructor(readonly actor: Actor) {
    super();
  }
}
