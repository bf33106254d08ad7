import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { validate } from '../../../shared/validate';

export const retryJobDeadLettersInput = z
  .object({
    job: z.string().trim().min(1).max(200),
    /** Dead letter ids; left out: every dead letter of the job. */
    ids: z.array(z.string().trim().min(1).max(100)).min(1).max(1000).optional(),
  })
  .strict();

/** Sends a job's dead letters back to it for a fresh set of tries. */
export class RetryJobDeadLettersCommand extends Command<{ retried: number }> {
  readonly input: z.infer<typeof retryJobDeadLettersInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(retryJobDeadLettersInput, input);
  }
}
