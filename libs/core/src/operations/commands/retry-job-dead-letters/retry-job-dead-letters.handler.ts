import { Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Jobs } from '@dailies/jobs';
import { UnitOfWork } from '@dailies/events';
import { requireOperator } from '../../../audit/policies/operator-policy';
import { notFound } from '../../../shared/errors';
import { JobDeadLettersRetried } from '../../events/operations.events';
import { requireJobs } from '../../queries/list-jobs/list-jobs.handler';
import { RetryJobDeadLettersCommand } from './retry-job-dead-letters.command';

/** Like RedriveDeadLetters for the job engine: the engine moves them, an event records it. */
@CommandHandler(RetryJobDeadLettersCommand)
export class RetryJobDeadLettersHandler implements ICommandHandler<
  RetryJobDeadLettersCommand,
  { retried: number }
> {
  constructor(
    private readonly uow: UnitOfWork,
    @Optional() private readonly jobs?: Jobs,
  ) {}

  async execute({ actor, input }: RetryJobDeadLettersCommand): Promise<{ retried: number }> {
    requireOperator(actor);
    const jobs = requireJobs(this.jobs);
    if (!jobs.names().includes(input.job)) throw notFound(`Job "${input.job}"`);
    const retried = await jobs.retryDeadLetters(input.job, input.ids);
    await this.uow.run(async (_tx, events) => {
      events.record(
        new JobDeadLettersRetried({
          actor,
          subject: { type: 'job', id: input.job },
          payload: { job: input.job, ids: input.ids ?? null, count: retried },
        }),
      );
    });
    return { retried };
  }
}
