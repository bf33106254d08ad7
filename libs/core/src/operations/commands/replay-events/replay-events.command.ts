import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { validate } from '../../../shared/validate';

const time = z.coerce.date({ message: 'must be an ISO 8601 time' });

export const replayEventsInput = z
  .object({ consumer: z.string().trim().min(1).max(100), from: time, to: time })
  .strict()
  .refine((v) => v.from < v.to, { message: 'must be after from', path: ['to'] });

/**
 * Runs a consumer again over the stored events of [from, to) — e.g. to rebuild usage or the
 * audit log. Consumers are idempotent by event id: events they already handled have no second
 * effect, so a replay fills gaps; to rebuild from scratch, clear the consumer's state first.
 */
export class ReplayEventsCommand extends Command<{ scheduled: number }> {
  readonly input: z.infer<typeof replayEventsInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(replayEventsInput, input);
  }
}
