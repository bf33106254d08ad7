import { Query } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import type { JobOverview } from './list-jobs.handler';

/** Every registered job (built-in and the domain's): queue stats, latest runs and dead letters (staff and system jobs). */
export class ListJobsQuery extends Query<JobOverview[]> {
  constructor(
    readonly actor: Actor,
    /** How many of each job's latest runs to return. */
    readonly historyLimit = 10,
  ) {
    super();
  }
}
