import { Query } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import type { JobOverview } from './list-jobs.handler';

/** Every scheduled job: queue stats, latest runs and dead letters (staff and system jobs). */
export class ListJobsQuery extends Query<JobOverview[]> {
  constructor(readonly actor: Actor) {
    super();
  }
}
