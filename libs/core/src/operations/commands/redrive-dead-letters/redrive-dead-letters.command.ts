import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../shared/validate';

export const redriveDeadLettersInput = z
  .object({
    consumer: z.string().trim().min(1).max(100),
    /** The events to deliver again; leave out (with `all: true`) for every dead letter. */
    eventIds: z.array(idSchema).min(1).max(1000).optional(),
    all: z.literal(true).optional(),
  })
  .strict()
  .refine((v) => (v.eventIds === undefined) !== (v.all === undefined), {
    message: 'give either eventIds or all: true',
    path: ['eventIds'],
  });

/** Gives dead-lettered deliveries a fresh set of attempts (after the fault was fixed). */
export class RedriveDeadLettersCommand extends Command<{ redriven: number }> {
  readonly input: z.infer<typeof redriveDeadLettersInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(redriveDeadLettersInput, input);
  }
}
