import { Query } from '@nestjs/cqrs';
import type { DeadLetterPage } from '@dailies/events';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { validate } from '../../../shared/validate';

export const listDeadLettersInput = z
  .object({
    consumer: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();

/** Deliveries that failed their last attempt, oldest event first (staff and system jobs). */
export class ListDeadLettersQuery extends Query<DeadLetterPage> {
  readonly input: z.infer<typeof listDeadLettersInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(listDeadLettersInput, input);
  }
}
