import { Optional } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DeadLetter, JobRun, Jobs, QueueStats } from '@dailies/jobs';
import { requireOperator } from '../../../audit/policies/operator-policy';
import { DomainError } from '../../../shared/errors';
import { ListJobsQuery } from './list-jobs.query';

export interface JobOverview {
  job: string;
  stats: QueueStats;
  /** The latest runs, newest first. */
  history: JobRun[];
  deadLetters: DeadLetter[];
}

export function requireJobs(jobs: Jobs | undefined): Jobs {
  if (!jobs)
    throw new DomainError('conflict', 'The job engine is not reachable from this process', {
      featureCode: 'job_engine_not_running',
    });
  return jobs;
}

@QueryHandler(ListJobsQuery)
export class ListJobsHandler implements IQueryHandler<ListJobsQuery, JobOverview[]> {
  constructor(@Optional() private readonly jobs?: Jobs) {}

  async execute({ actor, historyLimit }: ListJobsQuery): Promise<JobOverview[]> {
    requireOperator(actor);
    const jobs = requireJobs(this.jobs);
    // Every job the engine knows — the built-in pruning and the domain's (digests, trash, …).
    return Promise.all(
      jobs.names().map(async (name) => ({
        job: name,
        stats: await jobs.stats(name),
        history: await jobs.history(name, historyLimit),
        deadLetters: await jobs.deadLetters(name, 20),
      })),
    );
  }
}
